use super::*;

fn viewer(user_id: i64) -> Viewer {
    Viewer {
        user_id,
        email: format!("user{user_id}@zebra.example"),
        administered: vec!["951234567".to_owned()],
    }
}

#[test]
fn a_token_is_known_by_its_hash_and_remembers_the_last_viewer_its_session_showed() {
    let recent = RecentViewers::default();
    let hash = tokens::hash("a token");

    recent.remember(hash.clone(), viewer(1));
    recent.remember(hash.clone(), viewer(2));

    assert_eq!(recent.last(&hash), Some(viewer(2)));
    assert_eq!(recent.last(&tokens::hash("another token")), None);
    assert_eq!(recent.len(), 1);
}

#[test]
fn past_the_viewers_it_keeps_it_starts_again_with_only_the_newest() {
    let recent = RecentViewers::default();
    for n in 0..REMEMBERED {
        recent.remember(tokens::hash(&format!("token {n}")), viewer(n as i64));
    }
    assert_eq!(recent.len(), REMEMBERED);
    // A token already kept is updated in place.
    recent.remember(tokens::hash("token 0"), viewer(7));
    assert_eq!(recent.len(), REMEMBERED);

    recent.remember(tokens::hash("one more"), viewer(1));

    assert_eq!(recent.len(), 1);
    assert_eq!(recent.last(&tokens::hash("one more")), Some(viewer(1)));
}

#[tokio::test]
#[ignore = "needs PostgreSQL: scripts/with-postgres.sh (make test runs it)"]
async fn a_refused_session_gets_no_page_and_its_token_is_forgotten() {
    let db = crate::database::testing::postgres().await;
    let recent = RecentViewers::default();
    recent.remember(tokens::hash("signed out"), viewer(1));

    let refused = page(
        &db.database,
        &recent,
        "signed out",
        async { Err::<SignedIn, ServiceError>(ServiceError::Unauthenticated) },
        &HistoryQuery::default(),
    )
    .await;

    assert!(
        matches!(refused, Err(ServiceError::Unauthenticated)),
        "{refused:?}"
    );
    assert_eq!(recent.last(&tokens::hash("signed out")), None);
}
