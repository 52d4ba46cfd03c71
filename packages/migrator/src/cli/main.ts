console.log("usage: migrate <up|down|status|generate|verify|diff|pull|types>");
