//! The load suite's (`benches/load.rs`) readings and verdicts: memory from `/proc/PID/status`,
//! which answers count as errors, the first minute's memory against the last.

#[path = "../benches/load/figures.rs"]
mod figures;

use figures::{
    first_and_last_minute, memory, minute_from_and_last_minute, unexpected, Expected, Memory,
};

#[test]
fn the_resident_set_its_peak_and_its_parts_are_read_from_proc_status() {
    let status =
        "Name:\toso-service\nVmPeak:\t  900000 kB\nVmHWM:\t   52344 kB\nVmRSS:\t   50120 kB\n\
                  RssAnon:\t   41000 kB\nRssFile:\t    8000 kB\nRssShmem:\t    1120 kB\n";
    assert_eq!(
        memory(status),
        Some(Memory {
            rss_kib: 50120,
            hwm_kib: 52344,
            anon_kib: 41000,
            file_kib: 8000,
            shmem_kib: 1120,
        })
    );
    assert_eq!(memory("Name:\tgone\n"), None);
}

#[test]
fn this_process_has_a_resident_set() {
    let status = std::fs::read_to_string("/proc/self/status").expect("linux");
    let memory = memory(&status).expect("VmRSS and VmHWM");
    assert!(memory.rss_kib > 0 && memory.hwm_kib >= memory.rss_kib);
    assert_eq!(
        memory.anon_kib + memory.file_kib + memory.shmem_kib,
        memory.rss_kib
    );
}

#[test]
fn any_answer_but_the_expected_status_and_code_is_an_error() {
    let pending = Expected {
        status: 403,
        code: Some("approval_pending"),
    };
    assert_eq!(unexpected(pending, 403, Some("approval_pending")), None);
    assert_eq!(
        unexpected(pending, 403, Some("approval_rejected")).as_deref(),
        Some("403 approval_rejected")
    );
    assert_eq!(
        unexpected(pending, 500, Some("internal")).as_deref(),
        Some("500 internal")
    );
    let created = Expected {
        status: 201,
        code: None,
    };
    assert_eq!(unexpected(created, 201, None), None);
    assert_eq!(unexpected(created, 200, None).as_deref(), Some("200"));
}

#[test]
fn the_first_minute_is_compared_with_the_last_one() {
    let samples: Vec<(u64, u64)> = (1..=18).map(|tick| (tick * 10, 1000 + tick * 10)).collect();
    // First minute: 10..60 s; last minute: 120..180 s.
    assert_eq!(first_and_last_minute(&samples, 180), Some((1035, 1150)));
    // A run of a minute or less compares its samples with themselves.
    assert_eq!(
        first_and_last_minute(&[(1, 100), (2, 200)], 2),
        Some((150, 150))
    );
    assert_eq!(first_and_last_minute(&[], 600), None);
}

#[test]
fn the_minute_after_the_data_stopped_growing_is_compared_with_the_last_one() {
    let samples: Vec<(u64, u64)> = (1..=18).map(|tick| (tick * 10, 1000 + tick * 10)).collect();
    // From 120 s: 130..180 s, which is also the last minute.
    assert_eq!(
        minute_from_and_last_minute(&samples, 120, 180),
        Some((1155, 1150))
    );
    // From 60 s: 70..120 s against 120..180 s.
    assert_eq!(
        minute_from_and_last_minute(&samples, 60, 180),
        Some((1095, 1150))
    );
    // A run that ends before the data stopped growing has no such minute.
    assert_eq!(minute_from_and_last_minute(&samples, 300, 180), None);
}
