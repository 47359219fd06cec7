//! eSecure: who may use the account numbers a user administers, and the requester's own
//! requests. The shapes are the service's contract, and the UI reads them as they are.

pub use oso_api::esecure::{AccessRequest, AuditEntry, CustomerAccount, DomainsForm, Summary};
use oso_api::esecure::{
    AdministratorForm, AuditQuery, Decided, Decision, DecisionForm, RequestsQuery, UsersAdded,
    UsersForm,
};
use oso_core::SecretString;
use reqwest::Method;

use super::{decode, ApiPath, ClientError, ServiceClient};

const NO_BODY: Option<&()> = None;

impl ServiceClient {
    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        token: &SecretString,
        path: impl Into<ApiPath>,
    ) -> Result<T, ClientError> {
        decode(self.call(Method::GET, path, Some(token), NO_BODY).await?).await
    }

    pub async fn esecure_summary(&self, token: &SecretString) -> Result<Summary, ClientError> {
        self.get_json(token, "esecure/summary").await
    }

    pub async fn esecure_accounts(
        &self,
        token: &SecretString,
    ) -> Result<Vec<CustomerAccount>, ClientError> {
        self.get_json(token, "esecure/accounts").await
    }

    pub async fn esecure_requests(
        &self,
        token: &SecretString,
        query: &RequestsQuery,
    ) -> Result<Vec<AccessRequest>, ClientError> {
        self.get_json(token, ApiPath::from("esecure/requests").with_query(query)?)
            .await
    }

    /// Approves or rejects every request in `ids`; answers how many were decided.
    pub async fn esecure_decide(
        &self,
        token: &SecretString,
        ids: &[i64],
        decision: Decision,
    ) -> Result<i64, ClientError> {
        let body = DecisionForm {
            ids: ids.to_vec(),
            decision,
        };
        let response = self
            .call(
                Method::POST,
                "esecure/requests/decision",
                Some(token),
                Some(&body),
            )
            .await?;
        let decided = decode::<Decided>(response).await?.decided;
        i64::try_from(decided).map_err(|error| ClientError::UnexpectedAnswer(error.to_string()))
    }

    pub async fn esecure_revoke(&self, token: &SecretString, id: i64) -> Result<(), ClientError> {
        let path = ApiPath::from("esecure/requests")
            .segment(&id.to_string())?
            .then("revoke");
        self.call(Method::POST, path, Some(token), NO_BODY)
            .await
            .map(drop)
    }

    /// Approves `emails` for `account_number` at once; answers the addresses added.
    pub async fn esecure_add_users(
        &self,
        token: &SecretString,
        account_number: &str,
        emails: &[String],
    ) -> Result<Vec<String>, ClientError> {
        let body = UsersForm {
            account_number: account_number.to_owned(),
            emails: emails.to_vec(),
        };
        let response = self
            .call(Method::POST, "esecure/users", Some(token), Some(&body))
            .await?;
        Ok(decode::<UsersAdded>(response).await?.added)
    }

    pub async fn esecure_add_administrator(
        &self,
        token: &SecretString,
        account_number: &str,
        administrator: &AdministratorForm,
    ) -> Result<(), ClientError> {
        let path = ApiPath::from("esecure/accounts")
            .segment(account_number)?
            .then("administrators");
        self.call(Method::POST, path, Some(token), Some(administrator))
            .await
            .map(drop)
    }

    pub async fn esecure_remove_administrator(
        &self,
        token: &SecretString,
        account_number: &str,
        email: &str,
    ) -> Result<(), ClientError> {
        let path = ApiPath::from("esecure/accounts")
            .segment(account_number)?
            .then("administrators")
            .segment(email)?;
        self.call(Method::DELETE, path, Some(token), NO_BODY)
            .await
            .map(drop)
    }

    pub async fn esecure_set_domains(
        &self,
        token: &SecretString,
        account_number: &str,
        domains: &DomainsForm,
    ) -> Result<CustomerAccount, ClientError> {
        let path = ApiPath::from("esecure/accounts")
            .segment(account_number)?
            .then("domains");
        let body = DomainsForm {
            authorised: domains.authorised.clone(),
            restricted: domains.restricted.clone(),
            restrict_requests: domains.restrict_requests,
        };
        decode(
            self.call(Method::PUT, path, Some(token), Some(&body))
                .await?,
        )
        .await
    }

    pub async fn esecure_audit(
        &self,
        token: &SecretString,
        query: &AuditQuery,
    ) -> Result<Vec<AuditEntry>, ClientError> {
        self.get_json(token, ApiPath::from("esecure/audit").with_query(query)?)
            .await
    }

    pub async fn esecure_my_requests(
        &self,
        token: &SecretString,
    ) -> Result<Vec<AccessRequest>, ClientError> {
        self.get_json(token, "esecure/my-requests").await
    }

    /// The note on the login's own open request `id`, for its administrators.
    pub async fn esecure_set_note(
        &self,
        token: &SecretString,
        id: i64,
        note: &str,
    ) -> Result<(), ClientError> {
        let path = ApiPath::from("esecure/my-requests")
            .segment(&id.to_string())?
            .then("note");
        let body = oso_api::esecure::RequestNote {
            note: note.to_owned(),
        };
        self.call(Method::PUT, path, Some(token), Some(&body))
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_services_snake_case_reaches_the_ui_unchanged() {
        let request: AccessRequest = serde_json::from_value(json!({
            "id": 1, "account_number": "951234567", "email": "bob@other.example",
            "company": "Other BV", "status": "pending", "requested_at": "2026-11-21T10:00:00Z",
            "decided_at": null, "decided_by": null
        }))
        .expect("the contract's shape");
        let shown = serde_json::to_value(&request).expect("serialises");
        assert_eq!(shown["account_number"], "951234567");
        assert_eq!(shown["requested_at"], "2026-11-21T10:00:00Z");
        let summary: Summary =
            serde_json::from_value(json!({ "administrator": true, "open_requests": 2 }))
                .expect("summary");
        assert_eq!(
            serde_json::to_value(summary).expect("ok")["open_requests"],
            2
        );
    }
}
