import bcrypt from "bcryptjs";

/**
 * bcrypt hashes with fixed salts, so the hash stored is the same on every run and every database.
 * The admin password is the one document 000 gives (`admin123`, cost 12). Its printed hash does not
 * verify `admin123` (checked with bcryptjs), so the seed computes its own rather than copying it.
 */
export const ADMIN_USERNAME = "admin";
export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "admin123";
const ADMIN_SALT = "$2b$12$PlatformDbSeedSalt0001";

/** Every sample user signs in with this password. */
export const SAMPLE_PASSWORD = "changeme";
const SAMPLE_SALT = "$2b$10$PlatformDbSeedUsers001";

let cached: { admin: string; sample: string } | undefined;

export const passwordHashes = (): { admin: string; sample: string } => {
  cached ??= {
    admin: bcrypt.hashSync(ADMIN_PASSWORD, ADMIN_SALT),
    sample: bcrypt.hashSync(SAMPLE_PASSWORD, SAMPLE_SALT),
  };
  return cached;
};
