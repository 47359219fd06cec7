//! Order history, details and cancelling.

use oso_api::orders::{
    ExportQuery, HistoryAccountNumber, HistoryExport, HistoryPage, HistoryQuery, OrderDetails,
};
use oso_core::SecretString;
use reqwest::Method;

use super::{decode, ApiPath, ClientError, ServiceClient};

const NO_BODY: Option<&()> = None;

impl ServiceClient {
    /// One page of the history.
    pub async fn history(
        &self,
        token: &SecretString,
        query: &HistoryQuery,
    ) -> Result<HistoryPage, ClientError> {
        decode(
            self.call(
                Method::GET,
                ApiPath::from("orders").with_query(query)?,
                Some(token),
                NO_BODY,
            )
            .await?,
        )
        .await
    }

    /// Every order matching the history's filters, with lines.
    pub async fn history_export(
        &self,
        token: &SecretString,
        query: &ExportQuery,
    ) -> Result<HistoryExport, ClientError> {
        decode(
            self.call(
                Method::GET,
                ApiPath::from("orders/export").with_query(query)?,
                Some(token),
                NO_BODY,
            )
            .await?,
        )
        .await
    }

    /// The account numbers the history can be filtered on: those of the orders it shows and
    /// those the login administers.
    pub async fn history_account_numbers(
        &self,
        token: &SecretString,
    ) -> Result<Vec<HistoryAccountNumber>, ClientError> {
        decode(
            self.call(Method::GET, "orders/account-numbers", Some(token), NO_BODY)
                .await?,
        )
        .await
    }

    pub async fn order_details(
        &self,
        token: &SecretString,
        number: &str,
    ) -> Result<OrderDetails, ClientError> {
        decode(
            self.call(
                Method::GET,
                ApiPath::from("orders").segment(number)?,
                Some(token),
                NO_BODY,
            )
            .await?,
        )
        .await
    }

    pub async fn cancel_order(
        &self,
        token: &SecretString,
        number: &str,
    ) -> Result<(), ClientError> {
        let path = ApiPath::from("orders").segment(number)?.then("cancel");
        self.call(Method::POST, path, Some(token), NO_BODY)
            .await
            .map(drop)
    }
}
