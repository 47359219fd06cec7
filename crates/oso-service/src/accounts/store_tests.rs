//! The logins' stores (users, sessions, one-time codes) on both engines: each test is written
//! once and run on SQLite always and on PostgreSQL under `scripts/with-postgres.sh` (`make test`),
//! concurrent requests included, as several service instances would send them.

use chrono::{DateTime, Duration, TimeZone, Utc};
use oso_core::account_policy::SessionLifetime;

use super::one_time::{self, Purpose, TokenProblem};
use super::sessions;
use super::users::{self, LoginStatus, NewUser};
use crate::database::testing::TestDatabase;
use crate::database::Database;

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0)
        .single()
        .expect("valid")
        + Duration::minutes(minutes)
}

async fn new_login(database: &Database, email: &str) -> i64 {
    let mut tx = database.begin_write().await.expect("begins");
    let user = NewUser {
        email,
        email_canonical: email,
        company_name: "Zebra",
        contact_name: "Ann",
        language: "en",
        password_hash: "hash",
    };
    let id = users::insert_pending(&mut tx.conn(), &user, at(0))
        .await
        .expect("inserts");
    tx.commit().await.expect("commits");
    id
}

async fn a_login_is_found_activated_and_forgotten(db: TestDatabase) {
    let id = new_login(&db.database, "ann@zebra.example").await;
    let mut tx = db.database.begin_write().await.expect("begins");
    let found = users::find_live_by_email(&mut tx.conn(), "ann@zebra.example")
        .await
        .expect("reads")
        .expect("found");
    assert_eq!(found.id, id);
    assert_eq!(found.status, LoginStatus::Pending);
    assert_eq!(found.public_id.len(), 32, "{}", found.public_id);
    assert!(found.public_id.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!users::is_invited(&mut tx.conn(), id).await.expect("reads"));

    users::activate(&mut tx.conn(), id, at(1))
        .await
        .expect("activates");
    users::set_password(&mut tx.conn(), id, "new hash", at(2))
        .await
        .expect("sets");
    let active = users::find_by_id(&mut tx.conn(), id)
        .await
        .expect("reads")
        .expect("found");
    assert!(active.is_active());
    assert_eq!(active.password_hash, "new hash");
    assert_eq!(active.password_changed_at, at(2));
    assert_eq!(
        users::active_password_ages(&mut tx.conn())
            .await
            .expect("reads"),
        vec![(id, at(2))]
    );

    users::forget(&mut tx.conn(), id, at(3))
        .await
        .expect("forgets");
    assert!(
        users::find_live_by_email(&mut tx.conn(), "ann@zebra.example")
            .await
            .expect("reads")
            .is_none()
    );
    let forgotten = users::find_by_id(&mut tx.conn(), id)
        .await
        .expect("reads")
        .expect("kept, anonymous");
    assert_eq!(forgotten.status, LoginStatus::Forgotten);
    assert_eq!(forgotten.company_name, "");
    tx.commit().await.expect("commits");
}

async fn a_session_lives_is_touched_and_ends(db: TestDatabase) {
    let id = new_login(&db.database, "ann@zebra.example").await;
    let lifetime = SessionLifetime::default();
    let mut tx = db.database.begin_write().await.expect("begins");
    let (token, _) = sessions::create(&mut tx.conn(), id, at(0), lifetime)
        .await
        .expect("creates");
    let (other, _) = sessions::create(&mut tx.conn(), id, at(0), lifetime)
        .await
        .expect("creates");
    tx.commit().await.expect("commits");

    let mut tx = db.database.begin_write().await.expect("begins");
    let (session, user, _) = sessions::find_live(&mut tx.conn(), token.expose(), at(10), lifetime)
        .await
        .expect("reads")
        .expect("live");
    assert_eq!(user.id, id);
    assert!(
        sessions::find_live(&mut tx.conn(), "not a token", at(10), lifetime)
            .await
            .expect("reads")
            .is_none()
    );
    // Idle for longer than allowed since it was last seen, it is no longer live.
    let idle_after_touch = at(10) + lifetime.idle + Duration::minutes(1);
    assert!(
        sessions::find_live(
            &mut tx.conn(),
            token.expose(),
            idle_after_touch - Duration::minutes(2),
            lifetime
        )
        .await
        .expect("reads")
        .is_some(),
        "touched at minute 10, so still live"
    );

    sessions::revoke_all_for_user(&mut tx.conn(), id, Some(session), at(11))
        .await
        .expect("revokes the others");
    assert!(
        sessions::find_live(&mut tx.conn(), other.expose(), at(12), lifetime)
            .await
            .expect("reads")
            .is_none()
    );
    sessions::revoke(&mut tx.conn(), session, at(13))
        .await
        .expect("revokes");
    assert!(
        sessions::find_live(&mut tx.conn(), token.expose(), at(14), lifetime)
            .await
            .expect("reads")
            .is_none()
    );
    assert_eq!(
        sessions::purge(&mut tx.conn(), at(15), lifetime)
            .await
            .expect("purges"),
        2
    );
    tx.commit().await.expect("commits");
}

/// `attempts` uses of one e-mailed link at once, each in its own transaction.
async fn concurrent_link_uses(database: &Database, link: &str, attempts: usize) -> usize {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..attempts {
        let (database, link) = (database.clone(), link.to_owned());
        tasks.spawn(async move {
            let mut tx = database.begin_write().await.expect("begins");
            let used = one_time::redeem_link(&mut tx.conn(), Purpose::Activation, &link, at(1))
                .await
                .expect("reads");
            tx.commit().await.expect("commits");
            used.is_ok()
        });
    }
    let mut used = 0;
    while let Some(result) = tasks.join_next().await {
        used += usize::from(result.expect("the task ran"));
    }
    used
}

async fn a_code_is_used_once_however_many_use_it_at_once(db: TestDatabase) {
    let id = new_login(&db.database, "ann@zebra.example").await;
    let mut tx = db.database.begin_write().await.expect("begins");
    let first = one_time::issue(
        &mut tx.conn(),
        id,
        Purpose::Activation,
        at(0),
        Duration::hours(24),
    )
    .await
    .expect("issues");
    let second = one_time::issue(
        &mut tx.conn(),
        id,
        Purpose::Activation,
        at(0),
        Duration::hours(24),
    )
    .await
    .expect("issues");
    tx.commit().await.expect("commits");

    assert_eq!(
        concurrent_link_uses(&db.database, first.link_token.expose(), 8).await,
        1
    );
    // Using one voided the other.
    let mut tx = db.database.begin_write().await.expect("begins");
    assert_eq!(
        one_time::redeem_code(
            &mut tx.conn(),
            Purpose::Activation,
            id,
            second.code.expose(),
            at(2)
        )
        .await
        .expect("reads"),
        Err(TokenProblem::Invalid)
    );
    assert_eq!(
        one_time::purge(&mut tx.conn(), at(0) + Duration::days(3))
            .await
            .expect("purges"),
        2
    );
    tx.commit().await.expect("commits");
}

async fn wrong_codes_void_a_code_and_an_expired_one_says_so(db: TestDatabase) {
    let id = new_login(&db.database, "ann@zebra.example").await;
    let mut tx = db.database.begin_write().await.expect("begins");
    let issued = one_time::issue(
        &mut tx.conn(),
        id,
        Purpose::PasswordReset,
        at(0),
        Duration::hours(1),
    )
    .await
    .expect("issues");
    assert_eq!(
        one_time::check_code(
            &mut tx.conn(),
            Purpose::PasswordReset,
            id,
            issued.code.expose(),
            at(61)
        )
        .await
        .expect("reads"),
        Err(TokenProblem::Expired)
    );
    for _ in 0..oso_core::account_policy::MAX_CODE_ATTEMPTS {
        let wrong =
            one_time::check_code(&mut tx.conn(), Purpose::PasswordReset, id, "000000", at(1))
                .await
                .expect("reads");
        assert_eq!(wrong, Err(TokenProblem::Invalid));
    }
    assert_eq!(
        one_time::check_code(
            &mut tx.conn(),
            Purpose::PasswordReset,
            id,
            issued.code.expose(),
            at(2)
        )
        .await
        .expect("reads"),
        Err(TokenProblem::Invalid),
        "void after too many wrong codes"
    );
    one_time::delete_for_user(&mut tx.conn(), id)
        .await
        .expect("deletes");
    sessions::delete_for_user(&mut tx.conn(), id)
        .await
        .expect("deletes");
    tx.commit().await.expect("commits");
}

crate::database::testing::on_both_engines!(
    a_login_is_found_activated_and_forgotten,
    a_session_lives_is_touched_and_ends,
    a_code_is_used_once_however_many_use_it_at_once,
    wrong_codes_void_a_code_and_an_expired_one_says_so,
);
