//! argon2id password hashes (m = 19456 KiB, t = 2, p = 1, OWASP's minimum), computed off the
//! async threads, as many at once as there are cores, each in work memory that is kept and
//! reused. The parameters are stored in each PHC string, so they can be raised later and old
//! hashes still verify.

use std::sync::{Mutex, OnceLock, PoisonError};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use tokio::sync::Semaphore;

use oso_core::SecretString;

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("the hashing task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

fn argon2_error(error: impl std::fmt::Display) -> HashError {
    HashError::Argon2(error.to_string())
}

fn params() -> Params {
    // The parameters are constants that argon2 accepts; a failure would be a programming error
    // caught by the tests, so fall back to the crate's defaults (the same algorithm) rather than
    // panicking.
    Params::new(19_456, 2, 1, None).unwrap_or_default()
}

/// How many hashes run at once; the others wait their turn. Each takes a core for tens of
/// milliseconds and 19 MiB of work memory, so running more at once than there are cores finishes
/// none sooner and only costs memory.
fn hashing_at_once() -> usize {
    std::thread::available_parallelism()
        .map_or(2, usize::from)
        .max(2)
}

fn turns() -> &'static Semaphore {
    static TURNS: OnceLock<Semaphore> = OnceLock::new();
    TURNS.get_or_init(|| Semaphore::new(hashing_at_once()))
}

/// Work memory, reused from hash to hash rather than freed. glibc keeps a freed block of this size
/// resident (once one is freed, its mmap threshold rises above it, and later ones come from the
/// arenas and stay there), so allocating it per hash grew the service by ~19 MiB with each
/// concurrent registration or sign-in: 1.8 GB after 112 registrations, 8 at a time. With one turn
/// per hash there are never more of these than [`hashing_at_once`].
static WORK_MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

fn with_work_memory<T>(blocks: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    let kept = WORK_MEMORY
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .pop();
    let mut memory = kept.unwrap_or_default();
    memory.resize(blocks, Block::default());
    let answer = work(&mut memory);
    let mut kept = WORK_MEMORY.lock().unwrap_or_else(PoisonError::into_inner);
    if kept.len() < hashing_at_once() {
        kept.push(memory);
    }
    answer
}

/// Runs `work` on a blocking thread once it has a turn; the turn goes with it, so a request that
/// gives up waiting for the answer does not let another hash start before this one ends.
async fn in_turn<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, HashError> + Send + 'static,
) -> Result<T, HashError> {
    let turn = turns().acquire().await.map_err(argon2_error)?;
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        work()
    })
    .await?
}

/// The raw argon2 output for `password` under these parameters and salt, `length` bytes long.
fn compute(
    algorithm: Algorithm,
    version: Version,
    params: &Params,
    password: &[u8],
    salt: Salt<'_>,
    length: usize,
) -> Result<Output, HashError> {
    let mut salt_bytes = [0u8; Salt::MAX_LENGTH];
    let salt = salt.decode_b64(&mut salt_bytes).map_err(argon2_error)?;
    let hasher = Argon2::new(algorithm, version, params.clone());
    with_work_memory(params.block_count(), |memory| {
        Output::init_with(length, |out| {
            Ok(hasher.hash_password_into_with_memory(password, salt, out, memory)?)
        })
    })
    .map_err(argon2_error)
}

/// A new PHC string for `password`, with a fresh salt.
fn hash_now(password: &[u8]) -> Result<String, HashError> {
    let (algorithm, version, params) = (Algorithm::Argon2id, Version::V0x13, params());
    let salt = SaltString::generate(&mut OsRng);
    let output = compute(
        algorithm,
        version,
        &params,
        password,
        salt.as_salt(),
        Params::DEFAULT_OUTPUT_LEN,
    )?;
    let hash = PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(&params).map_err(argon2_error)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

/// Whether `password` gives `stored`, under the algorithm and parameters written in `stored`.
fn verify_now(password: &[u8], stored: &str) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored).map_err(argon2_error)?;
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(argon2_error)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(argon2_error)?
        .unwrap_or_default();
    let params = Params::try_from(&parsed).map_err(argon2_error)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Err(HashError::Argon2(
            "the stored hash has no salt or output".into(),
        ));
    };
    let output = compute(algorithm, version, &params, password, salt, expected.len())?;
    // `Output`'s equality takes the same time whatever the bytes.
    Ok(output == expected)
}

pub async fn hash_password(password: &SecretString) -> Result<String, HashError> {
    let password = password.clone();
    in_turn(move || hash_now(password.expose().as_bytes())).await
}

/// Checks `password` against `stored`. With no stored hash (an unknown e-mail), a dummy hash is
/// checked instead, so the answer takes as long as for a real account.
pub async fn verify_password(
    password: &SecretString,
    stored: Option<String>,
) -> Result<bool, HashError> {
    let password = password.clone();
    in_turn(move || {
        let (stored, real) = match stored {
            Some(stored) => (stored, true),
            None => (dummy_hash().to_owned(), false),
        };
        // Parameters come from the stored hash, so older, weaker hashes still verify.
        let matches = verify_now(password.expose().as_bytes(), &stored)?;
        Ok(real && matches)
    })
    .await
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now(b"no account has this password").unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_and_no_other() {
        let password = SecretString::new("correct horse battery staple");
        let hash = hash_password(&password).await.expect("hashes");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_password(&password, Some(hash.clone()))
            .await
            .expect("verifies"));
        let wrong = SecretString::new("correct horse battery stapler");
        assert!(!verify_password(&wrong, Some(hash)).await.expect("verifies"));
    }

    #[tokio::test]
    async fn an_unknown_account_never_verifies() {
        let password = SecretString::new("no account has this password");
        assert!(!verify_password(&password, None).await.expect("verifies"));
    }

    #[test]
    fn hashes_agree_with_the_argon2_crates_own_hashing_and_verifying() {
        use argon2::{PasswordHasher, PasswordVerifier};
        let password = b"correct horse battery staple";
        let ours = hash_now(password).expect("hashes");
        let parsed = PasswordHash::new(&ours).expect("a PHC string");
        assert!(Argon2::default().verify_password(password, &parsed).is_ok());

        let salt = SaltString::generate(&mut OsRng);
        let theirs = Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
            .hash_password(password, &salt)
            .expect("hashes")
            .to_string();
        assert!(verify_now(password, &theirs).expect("verifies"));
        assert!(!verify_now(b"correct horse battery stapler", &theirs).expect("verifies"));
        // An older hash with other parameters still verifies under its own.
        let weaker = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8_192, 1, 1, None).expect("params"),
        )
        .hash_password(password, &salt)
        .expect("hashes")
        .to_string();
        assert!(verify_now(password, &weaker).expect("verifies"));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_hashes_at_once_take_turns_and_reuse_a_few_work_memories() {
        let password = SecretString::new("correct horse battery staple");
        let hashes: Vec<_> = (0..3 * hashing_at_once())
            .map(|_| {
                let password = password.clone();
                tokio::spawn(async move { hash_password(&password).await })
            })
            .collect();
        for hash in hashes {
            hash.await.expect("task").expect("hashes");
        }
        let kept = WORK_MEMORY
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        assert!(
            (1..=hashing_at_once()).contains(&kept),
            "{kept} work memories kept"
        );
    }
}
