//! The cursor's text, and the plan of a page on SQLite: each source read along its index.

use chrono::TimeZone;

use super::*;

fn row(status: OrderStatus, company: &str) -> PageRow {
    (
        4711,
        "OSO-2026-004711".to_owned(),
        Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 15).unwrap() + chrono::Duration::microseconds(250),
        status,
        "951234567".to_owned(),
        company.to_owned(),
        12,
    )
}

#[test]
fn a_cursor_reads_back_as_written_for_every_sort() {
    let last = row(OrderStatus::Shipped, "Zebra. Parcels ~ & Co");
    for sort in [
        SortColumn::OrderNumber,
        SortColumn::CreatedAt,
        SortColumn::Status,
        SortColumn::AccountNumber,
        SortColumn::Company,
        SortColumn::Packs,
    ] {
        let cursor = Cursor::after(&last, sort);
        let text = cursor.to_string();
        assert_eq!(Cursor::parse(&text, sort), Ok(cursor), "{sort:?}: {text}");
    }
    assert_eq!(
        Cursor::after(&last, SortColumn::CreatedAt).to_string(),
        "4711.2026-11-02T09:30:15.000250Z"
    );
    assert_eq!(
        Cursor::after(&last, SortColumn::Status).to_string(),
        "4711.2"
    );
    assert_eq!(
        Cursor::after(&last, SortColumn::OrderNumber).to_string(),
        "4711."
    );
}

#[test]
fn a_cursor_of_another_sort_or_of_nothing_is_refused() {
    for (text, sort) in [
        ("", SortColumn::CreatedAt),
        ("4711", SortColumn::CreatedAt),
        ("x.2026-11-02T09:30:15Z", SortColumn::CreatedAt),
        ("4711.yesterday", SortColumn::CreatedAt),
        ("4711.2", SortColumn::OrderNumber),
        ("4711.shipped", SortColumn::Status),
        ("4711.1.5", SortColumn::Packs),
    ] {
        assert_eq!(Cursor::parse(text, sort), Err(InvalidCursor), "{text:?}");
    }
    let long = format!("1.{}", "a".repeat(MAX_KEY_CHARS + 1));
    assert_eq!(
        Cursor::parse(&long, SortColumn::Company),
        Err(InvalidCursor)
    );
}

#[test]
fn the_lifecycle_rank_follows_an_orders_life() {
    let ranks: Vec<i64> = [
        OrderStatus::Received,
        OrderStatus::InProgress,
        OrderStatus::Shipped,
        OrderStatus::Completed,
        OrderStatus::Cancelled,
    ]
    .into_iter()
    .map(lifecycle_rank)
    .collect();
    assert_eq!(ranks, [0, 1, 2, 3, 4]);
}

#[test]
fn only_the_filtered_number_is_read_among_those_administered() {
    let administered = vec!["951234567".to_owned(), "951234568".to_owned()];
    let all = sources(7, administered.clone(), &HistoryQuery::default());
    assert_eq!(
        all,
        [
            Source::Own(7),
            Source::Administered("951234567".to_owned()),
            Source::Administered("951234568".to_owned())
        ]
    );
    let filtered = HistoryQuery {
        account_number: Some("951234568".to_owned()),
        ..HistoryQuery::default()
    };
    assert_eq!(
        sources(7, administered, &filtered),
        [Source::Own(7), Source::Administered("951234568".to_owned())]
    );
}

async fn plan(pool: &sqlx::SqlitePool, sql: &str, binds: usize) -> String {
    let mut query = sqlx::query_as::<_, (i64, i64, i64, String)>(sql);
    for _ in 0..binds {
        query = query.bind(Option::<i64>::None);
    }
    let rows = query.fetch_all(pool).await.expect("plan");
    rows.into_iter()
        .map(|(_, _, _, detail)| detail)
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn each_source_of_a_page_is_read_along_its_index_from_the_cursor() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = crate::store::open(&dir.path().join("history.sqlite3"))
        .await
        .expect("database");
    let requester = Requester::from_address("ann@zebra.example");
    let sources = vec![Source::Own(1), Source::Administered("951234567".to_owned())];
    let indexes = [
        (SortColumn::OrderNumber, "id", "id"),
        (SortColumn::CreatedAt, "created_at", "created_at"),
        (SortColumn::Status, "status", "status"),
        (SortColumn::AccountNumber, "number", "id"),
        (SortColumn::Company, "company", "company"),
        (SortColumn::Packs, "packs", "packs"),
    ];
    for (sort, own, administered) in indexes {
        let last = row(OrderStatus::Shipped, "Zebra");
        let cursor = Cursor::after(&last, sort);
        let query = HistoryQuery {
            sort,
            ..HistoryQuery::default()
        };
        let built = page_query::<sqlx::Sqlite>(&sources, &requester, &query, Some(&cursor), 26);
        let sql = format!("EXPLAIN QUERY PLAN {}", built.sql());
        let binds = sql.matches('?').count();
        let plan = plan(&pool, &sql, binds).await;
        let reads: Vec<&str> = plan
            .lines()
            .filter(|line| line.starts_with("SEARCH o ") || line.starts_with("SCAN o"))
            .collect();
        assert!(
            reads
                .iter()
                .any(|line| line.contains(&format!("INDEX orders_of_user_by_{own} (user_id=?"))),
            "{sort:?}:\n{plan}"
        );
        assert!(
            reads.iter().any(|line| line.contains(&format!(
                "INDEX orders_on_number_by_{administered} (account_number=?"
            ))),
            "{sort:?}:\n{plan}"
        );
        assert!(
            !reads.iter().any(|line| line.starts_with("SCAN o")),
            "no source reads every order, sorted by {sort:?}:\n{plan}"
        );
        // No source is sorted: each reads its index in order and stops after a page. Only the
        // union of their few rows may be.
        let sources_read: Vec<&str> = plan
            .split("CO-ROUTINE s")
            .skip(1)
            .map(|source| source.split("\nSCAN s").next().unwrap_or(source))
            .collect();
        assert!(sources_read.len() >= 2, "{sort:?}:\n{plan}");
        assert!(
            sources_read
                .iter()
                .all(|source| !source.contains("TEMP B-TREE")),
            "{sort:?}:\n{plan}"
        );
        // Every read of a source starts at the cursor: a range of its index, not its top.
        let source_reads: Vec<&&str> = reads
            .iter()
            .filter(|line| line.contains("INDEX orders_"))
            .collect();
        assert_eq!(source_reads.len(), sources_read.len(), "{sort:?}:\n{plan}");
        assert!(
            source_reads.iter().all(|line| line.ends_with("<?)")),
            "{sort:?}:\n{plan}"
        );
    }
}
