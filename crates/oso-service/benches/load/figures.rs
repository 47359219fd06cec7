//! What the load suite (`benches/load.rs`) reads and concludes: the service's memory from
//! `/proc/PID/status`, whether an answer is the one expected, and the memory of the first minute
//! against the last. Pure functions, tested in `tests/load_figures.rs`.

/// The resident set now and at its peak, in KiB (`VmRSS`, `VmHWM` of `/proc/PID/status`), and
/// what the resident set is made of: heap and stacks (`RssAnon`), mapped files such as the
/// binary (`RssFile`) and shared memory such as SQLite's WAL index (`RssShmem`). The parts say
/// where growth comes from: the allocator, or SQLite's mapped `-shm` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory {
    pub rss_kib: u64,
    pub hwm_kib: u64,
    pub anon_kib: u64,
    pub file_kib: u64,
    pub shmem_kib: u64,
}

pub fn memory(status: &str) -> Option<Memory> {
    let field = |name: &str| {
        status.lines().find_map(|line| {
            line.strip_prefix(name)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
    };
    Some(Memory {
        rss_kib: field("VmRSS:")?,
        hwm_kib: field("VmHWM:")?,
        anon_kib: field("RssAnon:")?,
        file_kib: field("RssFile:")?,
        shmem_kib: field("RssShmem:")?,
    })
}

/// What a step of a client expects: a status and, for a refusal, its error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    pub status: u16,
    pub code: Option<&'static str>,
}

/// `None` when the answer is the expected one, else what was wrong, to count as an error.
pub fn unexpected(expected: Expected, status: u16, code: Option<&str>) -> Option<String> {
    let code_matches = expected.code.is_none_or(|wanted| code == Some(wanted));
    if status == expected.status && code_matches {
        return None;
    }
    Some(match code {
        Some(code) => format!("{status} {code}"),
        None => status.to_string(),
    })
}

/// The mean resident set of the samples (seconds since start, KiB) in the first minute and in
/// the last minute of a run of `seconds` (the same samples when the run is a minute or less).
pub fn first_and_last_minute(samples: &[(u64, u64)], seconds: u64) -> Option<(u64, u64)> {
    minute_from_and_last_minute(samples, 0, seconds)
}

/// The mean resident set in the minute after `from` seconds and in the last minute of a run of
/// `seconds`: with retention, `from` is when the data stopped growing.
pub fn minute_from_and_last_minute(
    samples: &[(u64, u64)],
    from: u64,
    seconds: u64,
) -> Option<(u64, u64)> {
    let mean = |chosen: Vec<u64>| {
        let count = chosen.len() as u64;
        (count > 0).then(|| chosen.iter().sum::<u64>() / count)
    };
    let first = mean(
        samples
            .iter()
            .filter(|(t, _)| *t > from && *t <= from + 60)
            .map(|(_, rss)| *rss)
            .collect(),
    )?;
    let last = mean(
        samples
            .iter()
            .filter(|(t, _)| *t + 60 >= seconds)
            .map(|(_, rss)| *rss)
            .collect(),
    )?;
    Some((first, last))
}
