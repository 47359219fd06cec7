//! The orders' stores on both engines: the writer with two instances on one database, numbers
//! from the sequence, reading an order back, the lifecycle with concurrent moves, retention and
//! "forget me". Each test is written once and run on SQLite always and on PostgreSQL under
//! `scripts/with-postgres.sh` (`make test`).

use chrono::{Duration, SubsecRound, Utc};
use oso_core::{AccountNumber, AddressInput, OrderStatus};

use super::lifecycle::{self, Actor, Move, MoveError};
use super::store::{self, NewOrder};
use super::{OrderLine, OrderWriter};
use crate::database::testing::TestDatabase;
use crate::database::{Conn, Database};
use crate::mail::Mailer;

pub(super) fn order(user_id: i64, key: &str, sku: &str) -> NewOrder {
    NewOrder {
        user_id,
        ordered_by_name: "Ann".to_owned(),
        ordered_by_email: "ann@zebra.example".to_owned(),
        idempotency_key: key.to_owned(),
        account_number: AccountNumber::parse("951234567").expect("number"),
        address: AddressInput {
            company: "Zebra".to_owned(),
            contact_person: "Ann".to_owned(),
            street: "Meir".to_owned(),
            number: "1".to_owned(),
            postal_code: "2000".to_owned(),
            city: "Antwerpen".to_owned(),
            country: "BE".to_owned(),
            phone: "+3232234567".to_owned(),
            ..AddressInput::default()
        },
        lines: vec![OrderLine {
            sku: sku.to_owned(),
            packs: 2,
        }],
        // To the microsecond, as the service's clock gives it (what PostgreSQL keeps).
        created_at: Utc::now().trunc_subsecs(6),
    }
}

/// A login and two catalogue items in `database`, for orders to refer to.
pub(super) async fn login_and_items(database: &Database) -> i64 {
    let now = Utc::now();
    let mut pooled = database.acquire().await.expect("connects");
    match pooled.conn() {
        Conn::Sqlite(conn) => {
            for (sku, position) in [("ENV-DL-50", 1), ("ENV-C4-25", 2)] {
                sqlx::query(
                    "INSERT INTO catalogue_items (sku, category, definition, max_packs_per_order,
                                                  position, updated_at)
                     VALUES (?1, 'envelopes', '{}', 10, ?2, ?3)",
                )
                .bind(sku)
                .bind(position)
                .bind(now)
                .execute(&mut *conn)
                .await
                .expect("item");
            }
            sqlx::query_scalar(
                "INSERT INTO users (email, email_canonical, company_name, contact_name,
                                    language, password_hash, password_changed_at, status,
                                    created_at)
                 VALUES ('ann@zebra.example', 'ann@zebra.example', 'Zebra', 'Ann', 'en', 'x',
                         ?1, 'active', ?1)
                 RETURNING id",
            )
            .bind(now)
            .fetch_one(conn)
            .await
            .expect("user")
        }
        Conn::Postgres(conn) => {
            for (sku, position) in [("ENV-DL-50", 1_i64), ("ENV-C4-25", 2)] {
                sqlx::query(
                    "INSERT INTO catalogue_items (sku, category, definition, max_packs_per_order,
                                                  position, updated_at)
                     VALUES ($1, 'envelopes', '{}', 10, $2, $3)",
                )
                .bind(sku)
                .bind(position)
                .bind(now)
                .execute(&mut *conn)
                .await
                .expect("item");
            }
            sqlx::query_scalar(
                "INSERT INTO users (email, email_canonical, company_name, contact_name,
                                    language, password_hash, password_changed_at, status,
                                    created_at)
                 VALUES ('ann@zebra.example', 'ann@zebra.example', 'Zebra', 'Ann', 'en', 'x',
                         $1, 'active', $1)
                 RETURNING id",
            )
            .bind(now)
            .fetch_one(conn)
            .await
            .expect("user")
        }
    }
}

pub(super) async fn start_writer(
    database: &Database,
    path: Option<&std::path::Path>,
) -> OrderWriter {
    match database {
        Database::Sqlite(_) => {
            let path = path.expect("the SQLite file");
            OrderWriter::start(&crate::store::options(path))
                .await
                .expect("writer")
        }
        Database::Postgres(pool) => OrderWriter::start_postgres(pool).await.expect("writer"),
    }
}

/// Two service instances, each with its writer, on one database: every order is placed
/// through one and retried through the other, at once, as a desktop whose answer was lost
/// would. Each is stored once, under one number, and both answers agree it was placed.
async fn orders_placed_through_two_instances_and_retried_on_the_other_are_stored_once(
    db: TestDatabase,
) {
    let user = login_and_items(&db.database).await;
    let first = start_writer(&db.database, db.sqlite_path()).await;
    let second = start_writer(&db.database, db.sqlite_path()).await;
    let mut tasks = tokio::task::JoinSet::new();
    for index in 0..40 {
        let key = format!("two-instances-{index:04}");
        let (a, b) = if index % 2 == 0 {
            (first.clone(), second.clone())
        } else {
            (second.clone(), first.clone())
        };
        let (key_a, key_b) = (key.clone(), key);
        tasks.spawn(async move {
            let (placed, retried) = tokio::join!(
                a.write(order(user, &key_a, "ENV-DL-50")),
                b.write(order(user, &key_b, "ENV-DL-50")),
            );
            let (placed, retried) = (placed.expect("written"), retried.expect("written"));
            // Exactly one of the two inserted it; the other found the key taken.
            assert!(
                placed.is_some() != retried.is_some(),
                "{placed:?} / {retried:?}"
            );
            placed.or(retried).expect("placed").order_number
        });
    }
    let mut numbers = std::collections::HashSet::new();
    while let Some(number) = tasks.join_next().await {
        assert!(
            numbers.insert(number.expect("the task ran")),
            "a number given twice"
        );
    }
    assert_eq!(numbers.len(), 40);
    let mut pooled = db.database.acquire().await.expect("connects");
    let (orders, lines): (i64, i64) = match pooled.conn() {
        Conn::Sqlite(conn) => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines)",
        )
        .fetch_one(conn)
        .await
        .expect("counts"),
        Conn::Postgres(conn) => sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM order_lines)",
        )
        .fetch_one(conn)
        .await
        .expect("counts"),
    };
    assert_eq!((orders, lines), (40, 40));
}

/// The retention job may delete every order; a later order still gets a new number.
async fn an_order_number_is_not_given_again_after_the_orders_were_deleted(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let first = writer
        .write(order(user, "numbered-key-00001", "ENV-C4-25"))
        .await
        .expect("written")
        .expect("new");
    let mut pooled = db.database.acquire().await.expect("connects");
    let deleted = match pooled.conn() {
        Conn::Sqlite(conn) => sqlx::query("DELETE FROM orders")
            .execute(conn)
            .await
            .map(|done| done.rows_affected()),
        Conn::Postgres(conn) => sqlx::query("DELETE FROM orders")
            .execute(conn)
            .await
            .map(|done| done.rows_affected()),
    };
    assert_eq!(deleted.expect("deleted"), 1);
    let second = writer
        .write(order(user, "numbered-key-00002", "ENV-C4-25"))
        .await
        .expect("written")
        .expect("new");
    assert_ne!(first.order_number, second.order_number);
    assert!(
        second.order_number.starts_with("OSO-"),
        "{}",
        second.order_number
    );
    assert_eq!(second.order_number.len(), "OSO-2026-000002".len());
}

fn mailer(db: &TestDatabase) -> (tempfile::TempDir, Mailer) {
    let _ = db;
    let dir = tempfile::tempdir().expect("temp dir");
    let mailer =
        Mailer::outbox(dir.path().to_owned(), "OSO <no-reply@oso.invalid>").expect("mailer");
    (dir, mailer)
}

/// An order of two lines, placed in the order C4 then DL (not the alphabet's).
fn two_lines(user_id: i64, key: &str) -> NewOrder {
    let mut order = order(user_id, key, "ENV-DL-50");
    order.lines = vec![
        OrderLine {
            sku: "ENV-DL-50".to_owned(),
            packs: 3,
        },
        OrderLine {
            sku: "ENV-C4-25".to_owned(),
            packs: 1,
        },
    ];
    order
}

async fn an_order_reads_back_as_placed_with_its_lines_in_order(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let placed = writer
        .write(two_lines(user, "read-back-key-0001"))
        .await
        .expect("written")
        .expect("new");
    let by_key = store::find_by_key(&db.database, user, "read-back-key-0001")
        .await
        .expect("reads")
        .expect("found");
    assert_eq!(by_key.order_number, placed.order_number);
    let skus: Vec<_> = by_key.lines.iter().map(|line| line.sku.as_str()).collect();
    assert_eq!(skus, ["ENV-DL-50", "ENV-C4-25"], "as placed, not sorted");
    assert_eq!(by_key.address.company, "Zebra");
    assert_eq!(by_key.status, OrderStatus::Received);
    let by_number = store::find_by_number(
        &db.database,
        user,
        "nobody@else.example",
        &placed.order_number,
    )
    .await
    .expect("reads")
    .expect("the owner sees it");
    assert_eq!(by_number.lines, by_key.lines);
    assert!(
        store::find_by_number(
            &db.database,
            user + 1,
            "nobody@else.example",
            &placed.order_number
        )
        .await
        .expect("reads")
        .is_none(),
        "another login does not"
    );
    let names = store::line_names(&db.database, &placed.order_number)
        .await
        .expect("reads");
    assert_eq!(names.len(), 2);
    let extras = store::extras(&db.database, &placed.order_number)
        .await
        .expect("reads");
    assert_eq!(extras.ordered_by, "Ann");
    assert_eq!(extras.tracking_number, None);
}

async fn an_order_ships_completes_and_its_timeline_says_so(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let placed = writer
        .write(order(user, "lifecycle-key-0001", "ENV-DL-50"))
        .await
        .expect("written")
        .expect("new");
    let (_outbox, mailer) = mailer(&db);
    let number = placed.order_number.as_str();
    let now = placed.created_at;
    let operator = |to, tracking_number| Move {
        number,
        to,
        tracking_number,
        actor: Actor::Operator,
        user_id: None,
    };
    let refused = lifecycle::move_order(
        &db.database,
        &mailer,
        operator(OrderStatus::Shipped, None),
        now,
    )
    .await;
    assert!(
        matches!(refused, Err(MoveError::Lifecycle(_))),
        "shipping needs a tracking number"
    );
    for (to, tracking) in [
        (OrderStatus::InProgress, None),
        (OrderStatus::Shipped, Some(" 1234567890 ")),
        (OrderStatus::Completed, None),
    ] {
        lifecycle::move_order(&db.database, &mailer, operator(to, tracking), now)
            .await
            .expect("moves");
    }
    let timeline = lifecycle::timeline(&db.database, number)
        .await
        .expect("reads");
    let statuses: Vec<_> = timeline.iter().map(|change| change.status).collect();
    assert_eq!(
        statuses,
        [
            OrderStatus::Received,
            OrderStatus::InProgress,
            OrderStatus::Shipped,
            OrderStatus::Completed
        ]
    );
    let extras = store::extras(&db.database, number).await.expect("reads");
    assert_eq!(extras.tracking_number.as_deref(), Some("1234567890"));
    assert_eq!(extras.completed_at, Some(now));
}

/// The customer cancels from two instances at once: one cancel is recorded, the other is
/// refused, and the timeline holds one change.
async fn two_cancels_at_once_record_one(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let placed = writer
        .write(order(user, "cancel-twice-key-01", "ENV-DL-50"))
        .await
        .expect("written")
        .expect("new");
    let (_outbox, mailer) = mailer(&db);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..6 {
        let (database, mailer, number) = (
            db.database.clone(),
            mailer.clone(),
            placed.order_number.clone(),
        );
        tasks.spawn(async move {
            let cancel = Move {
                number: &number,
                to: OrderStatus::Cancelled,
                tracking_number: None,
                actor: Actor::Customer,
                user_id: Some(user),
            };
            lifecycle::move_order(&database, &mailer, cancel, Utc::now())
                .await
                .is_ok()
        });
    }
    let mut cancelled = 0;
    while let Some(done) = tasks.join_next().await {
        cancelled += usize::from(done.expect("the task ran"));
    }
    assert_eq!(cancelled, 1);
    let timeline = lifecycle::timeline(&db.database, &placed.order_number)
        .await
        .expect("reads");
    assert_eq!(timeline.len(), 2, "{timeline:?}");
}

async fn orders_past_retention_are_deleted_and_forgotten_ones_keep_no_address(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    let placed = writer
        .write(order(user, "retention-key-00001", "ENV-DL-50"))
        .await
        .expect("written")
        .expect("new");
    let mut tx = db.database.begin_write().await.expect("begins");
    store::anonymise_for_user(&mut tx.conn(), user)
        .await
        .expect("anonymises");
    tx.commit().await.expect("commits");
    let forgotten = store::find_by_key(&db.database, user, "retention-key-00001")
        .await
        .expect("reads")
        .expect("kept for statistics");
    assert_eq!(forgotten.address.company, "");
    assert_eq!(forgotten.address.country, "BE", "the country stays");
    assert_eq!(forgotten.lines.len(), 1, "the lines stay");

    let day_29 = placed.created_at + Duration::days(29);
    assert_eq!(
        lifecycle::delete_expired(&db.database, day_29)
            .await
            .expect("deletes"),
        0
    );
    let day_30 = placed.created_at + Duration::days(30);
    assert_eq!(
        lifecycle::delete_expired(&db.database, day_30)
            .await
            .expect("deletes"),
        1
    );
    assert!(
        store::find_by_key(&db.database, user, "retention-key-00001")
            .await
            .expect("reads")
            .is_none()
    );
}

/// The supplier's side: the list by status, "next status", and the demo mover.
async fn the_supplier_lists_and_moves_orders(db: TestDatabase) {
    let user = login_and_items(&db.database).await;
    let writer = start_writer(&db.database, db.sqlite_path()).await;
    for key in ["supplier-key-000001", "supplier-key-000002"] {
        writer
            .write(order(user, key, "ENV-DL-50"))
            .await
            .expect("written")
            .expect("new");
    }
    let (_outbox, mailer) = mailer(&db);
    let listed = crate::operator::list_orders(&db.database, None)
        .await
        .expect("lists");
    assert_eq!(listed.len(), 2);
    let first = listed[0].order_number.clone();
    let moved = crate::operator::set_status(&db.database, &mailer, &first, None, None, Utc::now())
        .await
        .expect("moves");
    assert_eq!(moved, OrderStatus::InProgress);
    let received = crate::operator::list_orders(&db.database, Some(OrderStatus::Received))
        .await
        .expect("lists");
    assert_eq!(received.len(), 1);
    assert_ne!(received[0].order_number, first);
    assert_eq!(
        crate::operator::demo_advance_all(&db.database, &mailer, Utc::now())
            .await
            .expect("moves"),
        2
    );
    let shipped = crate::operator::list_orders(&db.database, Some(OrderStatus::Shipped))
        .await
        .expect("lists");
    assert_eq!(shipped.len(), 1);
    assert!(shipped[0]
        .tracking_number
        .as_deref()
        .is_some_and(|t| t.starts_with("DEMO")));
}

crate::database::testing::on_both_engines!(
    the_supplier_lists_and_moves_orders,
    orders_placed_through_two_instances_and_retried_on_the_other_are_stored_once,
    an_order_number_is_not_given_again_after_the_orders_were_deleted,
    an_order_reads_back_as_placed_with_its_lines_in_order,
    an_order_ships_completes_and_its_timeline_says_so,
    two_cancels_at_once_record_one,
    orders_past_retention_are_deleted_and_forgotten_ones_keep_no_address,
);
