//! eSecure for signed-in users: administrators see and decide the requests of the accounts they
//! administer, add users and administrators and keep domain lists; every user sees their own
//! requests. Only an account's administrators see anything of it: for anyone else an account or
//! request answers as if it did not exist.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use oso_api::esecure::{
    AuditQuery, Decided, DecisionForm, RequestNote, RequestsQuery, Summary, UsersAdded, UsersForm,
};

use super::extract::{Body, Params, Session};
use super::{ApiError, AppState, ErrorBody};
use crate::esecure::accounts::{self, AdministratorForm, CustomerAccount, DomainsForm};
use crate::esecure::audit::{self, AuditEntry};
use crate::esecure::requests::{self, AccessRequest};
use crate::esecure::Requester;

fn internal(cause: sqlx::Error) -> ApiError {
    ApiError::internal(&cause)
}

/// Whether the user is an administrator, and how many requests wait: cheap enough to poll.
#[utoipa::path(get, path = "/esecure/summary", tag = "esecure", security(("session" = [])),
    operation_id = "get_esecure_summary",
    responses((status = 200, body = Summary), (status = 401, body = ErrorBody)))]
pub async fn summary(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Summary>, ApiError> {
    let (administrator, open_requests) =
        requests::open_count(&state.database, &Requester::of(&user))
            .await
            .map_err(internal)?;
    Ok(Json(Summary {
        administrator,
        open_requests,
    }))
}

/// The customer accounts the user administers.
#[utoipa::path(get, path = "/esecure/accounts", tag = "esecure", security(("session" = [])),
    operation_id = "list_administered_accounts",
    responses((status = 200, body = Vec<CustomerAccount>), (status = 401, body = ErrorBody)))]
pub async fn administered_accounts(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Vec<CustomerAccount>>, ApiError> {
    Ok(Json(
        accounts::administered(&state.database, &Requester::of(&user))
            .await
            .map_err(internal)?,
    ))
}

/// Requests of the accounts the user administers, newest first.
#[utoipa::path(get, path = "/esecure/requests", tag = "esecure", security(("session" = [])),
    operation_id = "list_access_requests",
    params(RequestsQuery),
    responses((status = 200, body = Vec<AccessRequest>), (status = 422, body = ErrorBody)))]
pub async fn list_requests(
    State(state): State<AppState>,
    Session(user): Session,
    Params(query): Params<RequestsQuery>,
) -> Result<Json<Vec<AccessRequest>>, ApiError> {
    let status = match query.status.as_deref() {
        None | Some("") => Some(oso_core::AccessRequestStatus::Pending.as_str()),
        Some("all") => None,
        Some(other) => Some(other),
    };
    let account = query.account_number.as_deref().filter(|n| !n.is_empty());
    Ok(Json(
        requests::list(&state.database, &Requester::of(&user), status, account).await?,
    ))
}

/// Approve or reject requests, all at once or none.
#[utoipa::path(post, path = "/esecure/requests/decision", tag = "esecure", security(("session" = [])),
    operation_id = "decide_access_requests",
    request_body = DecisionForm,
    responses((status = 200, body = Decided), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn decide(
    State(state): State<AppState>,
    Session(user): Session,
    Body(form): Body<DecisionForm>,
) -> Result<Json<Decided>, ApiError> {
    let decided = requests::decide(
        state.esecure(),
        &Requester::of(&user),
        &form.ids,
        form.decision,
    )
    .await?;
    Ok(Json(Decided { decided }))
}

/// Take an approved user's access away, at once.
#[utoipa::path(post, path = "/esecure/requests/{id}/revoke", tag = "esecure", security(("session" = [])),
    operation_id = "revoke_access_request",
    params(("id" = i64, Path)),
    responses((status = 204, description = "Revoked"), (status = 404, body = ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
) -> Result<StatusCode, ApiError> {
    requests::revoke(state.esecure(), &Requester::of(&user), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Approve users of an account at once, without a request.
#[utoipa::path(post, path = "/esecure/users", tag = "esecure", security(("session" = [])),
    operation_id = "add_account_users",
    request_body = UsersForm,
    responses((status = 200, body = UsersAdded), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_users(
    State(state): State<AppState>,
    Session(user): Session,
    Body(form): Body<UsersForm>,
) -> Result<Json<UsersAdded>, ApiError> {
    let added = requests::add_users(
        state.esecure(),
        &Requester::of(&user),
        form.account_number.trim(),
        &form.emails,
    )
    .await?;
    Ok(Json(UsersAdded { added }))
}

/// Add an administrator to an account the user administers; they are welcomed by e-mail.
#[utoipa::path(post, path = "/esecure/accounts/{number}/administrators", tag = "esecure",
    operation_id = "add_account_administrator",
    security(("session" = [])), request_body = AdministratorForm, params(("number" = String, Path)),
    responses((status = 201, body = CustomerAccount), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_administrator(
    State(state): State<AppState>,
    Session(user): Session,
    Path(number): Path<String>,
    Body(form): Body<AdministratorForm>,
) -> Result<(StatusCode, Json<CustomerAccount>), ApiError> {
    let account =
        accounts::add_administrator(state.esecure(), &Requester::of(&user), &number, &form).await?;
    Ok((StatusCode::CREATED, Json(account)))
}

/// Remove an administrator; the last one stays (409 `last_administrator`).
#[utoipa::path(delete, path = "/esecure/accounts/{number}/administrators/{email}", tag = "esecure",
    operation_id = "remove_account_administrator",
    security(("session" = [])), params(("number" = String, Path), ("email" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn remove_administrator(
    State(state): State<AppState>,
    Session(user): Session,
    Path((number, email)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    accounts::remove_administrator(state.esecure(), &Requester::of(&user), &number, &email).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replace an account's authorised and restricted domain lists.
#[utoipa::path(put, path = "/esecure/accounts/{number}/domains", tag = "esecure",
    operation_id = "set_account_domains",
    security(("session" = [])), request_body = DomainsForm, params(("number" = String, Path)),
    responses((status = 200, body = CustomerAccount), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_domains(
    State(state): State<AppState>,
    Session(user): Session,
    Path(number): Path<String>,
    Body(form): Body<DomainsForm>,
) -> Result<Json<CustomerAccount>, ApiError> {
    Ok(Json(
        accounts::set_domains(state.esecure(), &Requester::of(&user), &number, &form).await?,
    ))
}

/// The audit trail of the accounts the user administers, newest first.
#[utoipa::path(get, path = "/esecure/audit", tag = "esecure", security(("session" = [])),
    operation_id = "get_esecure_audit_trail",
    params(AuditQuery), responses((status = 200, body = Vec<AuditEntry>)))]
pub async fn audit_trail(
    State(state): State<AppState>,
    Session(user): Session,
    Params(query): Params<AuditQuery>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    let account = query.account_number.as_deref().filter(|n| !n.is_empty());
    Ok(Json(
        audit::trail(
            &state.database,
            &Requester::of(&user),
            account,
            query.limit.unwrap_or(50),
        )
        .await
        .map_err(internal)?,
    ))
}

/// The signed-in user's own requests and their state.
#[utoipa::path(get, path = "/esecure/my-requests", tag = "esecure", security(("session" = [])),
    operation_id = "list_my_access_requests",
    responses((status = 200, body = Vec<AccessRequest>)))]
pub async fn my_requests(
    State(state): State<AppState>,
    Session(user): Session,
) -> Result<Json<Vec<AccessRequest>>, ApiError> {
    Ok(Json(
        requests::mine(&state.database, &Requester::of(&user))
            .await
            .map_err(internal)?,
    ))
}

/// The requester's note on their own open request, for its administrators (shown in their list
/// and mailed to them); an empty note removes it.
#[utoipa::path(put, path = "/esecure/my-requests/{id}/note", tag = "esecure", security(("session" = [])),
    operation_id = "set_access_request_note",
    params(("id" = i64, Path)),
    request_body = RequestNote,
    responses((status = 204, description = "Kept (and mailed)"), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_note(
    State(state): State<AppState>,
    Session(user): Session,
    Path(id): Path<i64>,
    Body(body): Body<RequestNote>,
) -> Result<StatusCode, ApiError> {
    requests::set_note(state.esecure(), &Requester::of(&user), id, &body.note).await?;
    Ok(StatusCode::NO_CONTENT)
}
