//! Every request runs to its end, also when its caller stops waiting. The server drops a
//! handler's future when the connection closes, and the desktop's in-process client drops it
//! when its wait runs out; either would stop the handler at any await: between an order's commit
//! and its confirmation e-mail, or between an eSecure request and the mail that asks the
//! administrators (which is never sent again), leaving work half done that no retry finishes.
//!
//! The handler runs in the caller's own task, and only when that task lets go of it unfinished
//! is the rest handed to a task of its own. Spawning every request instead (as before, issue 23)
//! cost a hop to another thread on each one, a tenth of a local round trip, for what is, in
//! practice, the rare case.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::task::{Context, Poll};

use axum::response::{IntoResponse, Response};
use futures_util::FutureExt;

use super::error::ApiError;

pub(super) async fn run_to_the_end(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    // A panic in a handler is answered as any internal failure, not by a broken connection.
    match FinishedEvenIfDropped::new(AssertUnwindSafe(next.run(request)).catch_unwind()).await {
        Ok(response) => response,
        Err(_) => ApiError::internal(&HandlerPanicked).into_response(),
    }
}

#[derive(Debug, thiserror::Error)]
#[error("a handler panicked")]
struct HandlerPanicked;

type Work<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// A future that, dropped before it is done, goes on to its end in a task of its own.
struct FinishedEvenIfDropped<T: Send + 'static> {
    work: Option<Work<T>>,
}

impl<T: Send + 'static> FinishedEvenIfDropped<T> {
    fn new(work: impl Future<Output = T> + Send + 'static) -> Self {
        Self {
            work: Some(Box::pin(work)),
        }
    }
}

impl<T: Send + 'static> Future for FinishedEvenIfDropped<T> {
    type Output = T;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<T> {
        let work = self
            .work
            .as_mut()
            .expect("a finished request is not polled again");
        let answer = work.as_mut().poll(context);
        if answer.is_ready() {
            self.work = None;
        }
        answer
    }
}

impl<T: Send + 'static> Drop for FinishedEvenIfDropped<T> {
    fn drop(&mut self) {
        let Some(unfinished) = self.work.take() else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                tracing::debug!("the caller stopped waiting: the request finishes on its own");
                runtime.spawn(unfinished);
            }
            // Only outside any runtime, when nothing could run it any more.
            Err(_) => tracing::warn!("a request was dropped unfinished outside the runtime"),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn work_whose_caller_stops_waiting_still_runs_to_its_end() {
        let finished = Arc::new(AtomicBool::new(false));
        let (go_on, wait) = tokio::sync::oneshot::channel::<()>();
        let work = {
            let finished = Arc::clone(&finished);
            async move {
                let _ = wait.await;
                finished.store(true, Ordering::SeqCst);
            }
        };

        let gave_up =
            tokio::time::timeout(Duration::from_millis(20), FinishedEvenIfDropped::new(work)).await;
        assert!(gave_up.is_err(), "the caller stopped waiting");
        assert!(!finished.load(Ordering::SeqCst));

        go_on.send(()).expect("the work still waits");
        for _ in 0..100 {
            if finished.load(Ordering::SeqCst) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("the work was dropped with its caller");
    }

    #[tokio::test]
    async fn work_that_is_waited_for_runs_in_the_callers_own_task() {
        let (caller, ran_in) = tokio::spawn(async {
            let caller = tokio::task::id();
            (
                caller,
                FinishedEvenIfDropped::new(async { tokio::task::id() }).await,
            )
        })
        .await
        .expect("the caller's task ends");
        assert_eq!(
            ran_in, caller,
            "no task of its own, so no hop to another thread"
        );
    }

    #[tokio::test]
    async fn a_handler_that_panics_is_answered_as_an_internal_error() {
        use axum::body::Body;
        use tower::ServiceExt;

        async fn broken() -> &'static str {
            panic!("a bug in a handler")
        }
        let router = axum::Router::new()
            .route("/broken", axum::routing::get(broken))
            .layer(axum::middleware::from_fn(run_to_the_end));

        let response = router
            .oneshot(
                axum::http::Request::get("/broken")
                    .body(Body::empty())
                    .expect("request"),
            )
            .await
            .expect("an answer");

        assert_eq!(
            response.status(),
            axum::http::StatusCode::INTERNAL_SERVER_ERROR
        );
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .expect("body");
        let body: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(body["code"], "internal");
    }
}
