//! The HTTP API under `/api/v1`: JSON in and out, errors as [`ErrorBody`], every route described
//! in the OpenAPI document served at `/api/v1/openapi.json`.

pub mod account_numbers;
pub mod accounts;
pub mod addresses;
pub mod catalogue;
mod client_address;
pub mod error;
pub mod esecure;
mod esecure_page;
pub mod events;
pub mod external_sign_in;
mod extract;
mod guard;
pub mod health;
mod html_page;
pub mod operator;
pub mod orders;
mod pages;
mod run_to_the_end;

use std::sync::Arc;

use axum::http::{HeaderName, Request};
use axum::routing::get;
use axum::{Json, Router};
use oso_core::Clock;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use client_address::{ClientAddress, TrustedProxies};
pub use error::{ApiError, ErrorBody, ErrorCode};
pub use guard::AllowedHosts;

/// What every handler may use.
#[derive(Debug, Clone)]
pub struct AppState {
    pub database: crate::database::Database,
    pub clock: Arc<dyn Clock>,
    pub accounts: crate::accounts::Accounts,
    /// The carrier's OpenID provider, when configured.
    pub external: crate::external_sign_in::Provider,
    /// The Track & Trace link template (`{tracking_number}` is replaced).
    pub track_and_trace_url: Arc<str>,
    pub catalogue: crate::catalogue::CatalogueCache,
    pub orders: crate::orders::OrderWriter,
    /// New events for this instance's streams (`GET /events`).
    pub events: crate::events::EventHub,
    /// What each token's session showed last, for a history page read beside its session.
    pub recent_viewers: Arc<crate::orders::history_beside_session::RecentViewers>,
}

impl AppState {
    /// What eSecure's flows need, at the current time.
    pub fn esecure(&self) -> crate::esecure::Context<'_> {
        crate::esecure::Context::new(&self.database, &self.accounts, self.clock.now())
    }

    /// What the order flows need.
    pub fn ordering(&self) -> crate::orders::Context<'_> {
        crate::orders::Context {
            database: &self.database,
            writer: &self.orders,
            accounts: &self.accounts,
            catalogue: &self.catalogue,
            clock: self.clock.as_ref(),
            track_and_trace_url: &self.track_and_trace_url,
        }
    }

    /// The catalogue as sold now (see [`crate::catalogue::CatalogueCache`]).
    pub async fn catalogue(
        &self,
    ) -> Result<Arc<crate::catalogue::Catalogue>, crate::catalogue::CatalogueError> {
        self.catalogue.current(&self.database).await
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "OSO service API",
        description = "Online Supplies Ordering: the API the OSO desktop application talks to."
    ),
    components(schemas(
        ErrorBody,
        ErrorCode,
        crate::orders::history::SortColumn,
        crate::orders::history::Direction
    )),
    modifiers(&SessionScheme)
)]
struct ApiDoc;

/// Declares the bearer tokens: customers' sessions (`session`) and operators' (`operator`).
struct SessionScheme;

impl utoipa::Modify for SessionScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        // Operator tokens (`oso_op_…`, from `oso-service operators create-token`).
        components.add_security_scheme(
            "operator",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The routes of version 1, with the OpenAPI document generated from the same declarations.
fn v1() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(accounts::register))
        .routes(routes!(accounts::activate))
        .routes(routes!(accounts::activate_with_link))
        .routes(routes!(accounts::resend_activation))
        .routes(routes!(accounts::sign_in))
        .routes(routes!(accounts::sign_out))
        .routes(routes!(external_sign_in::offer, external_sign_in::redeem))
        .routes(routes!(external_sign_in::register))
        .routes(routes!(external_sign_in::link))
        .routes(routes!(accounts::profile, accounts::update_profile))
        .routes(routes!(accounts::change_password))
        .routes(routes!(accounts::forget))
        .routes(routes!(accounts::request_password_reset))
        .routes(routes!(accounts::reset_password))
        .routes(routes!(accounts::reset_password_with_link))
        .routes(routes!(catalogue::catalogue))
        .routes(routes!(account_numbers::list, account_numbers::save))
        .routes(routes!(account_numbers::rename, account_numbers::remove))
        .routes(routes!(addresses::list, addresses::add))
        .routes(routes!(addresses::replace, addresses::remove))
        .routes(routes!(orders::place, orders::history))
        .routes(routes!(orders::export))
        .routes(routes!(orders::history_account_numbers))
        .routes(routes!(orders::get))
        .routes(routes!(orders::cancel))
        .routes(routes!(esecure::summary))
        .routes(routes!(events::stream))
        .routes(routes!(esecure::administered_accounts))
        .routes(routes!(esecure::list_requests))
        .routes(routes!(esecure::decide))
        .routes(routes!(esecure::revoke))
        .routes(routes!(esecure::add_users))
        .routes(routes!(esecure::add_administrator))
        .routes(routes!(esecure::remove_administrator))
        .routes(routes!(esecure::set_domains))
        .routes(routes!(esecure::audit_trail))
        .routes(routes!(esecure::my_requests))
        .routes(routes!(esecure::set_note))
        .routes(routes!(operator::orders))
        .routes(routes!(
            operator::customer_accounts,
            operator::create_customer_account
        ))
        .routes(routes!(operator::change_customer_account))
        .routes(routes!(operator::move_order))
        .split_for_parts()
}

/// The OpenAPI description of the whole API, paths included under `/api/v1`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut document) = v1();
    let paths = std::mem::take(&mut document.paths.paths);
    document.paths.paths = paths
        .into_iter()
        .map(|(path, item)| (format!("/api/v1{path}"), item))
        .collect();
    document
}

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole service: the API, the pages it serves, (see [`guard`]) the hosts it answers, and
/// (see [`client_address`]) the proxies whose word on the client's address it takes.
pub fn router(state: AppState, hosts: AllowedHosts, proxies: TrustedProxies) -> Router {
    let (v1_routes, _) = v1();
    let document = Arc::new(openapi());
    let v1_routes = v1_routes
        .route(
            "/openapi.json",
            get(move || {
                let document = Arc::clone(&document);
                async move { Json(document.as_ref().clone()) }
            }),
        )
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed);

    Router::new()
        .nest("/api/v1", v1_routes)
        .merge(pages::routes())
        .merge(esecure_page::routes())
        .fallback(error::not_found)
        .with_state(state)
        .layer(axum::Extension(proxies))
        .layer(axum::middleware::from_fn(run_to_the_end::run_to_the_end))
        .layer(axum::middleware::from_fn_with_state(hosts, guard::guard))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let request_id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!(
                    "request",
                    method = %request.method(),
                    path = %request.uri().path(),
                    request_id,
                )
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
