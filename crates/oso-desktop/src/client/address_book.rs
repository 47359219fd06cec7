//! Saved account numbers and the address book.

use oso_api::address_book::{
    AccountNumberForm, AccountNumberRename, SavedAccountNumber, SavedAddress,
};
use oso_core::AddressInput;
use oso_core::SecretString;
use reqwest::Method;

use super::{decode, ApiPath, ClientError, ServiceClient};

const NO_BODY: Option<&()> = None;

impl ServiceClient {
    pub async fn account_numbers(
        &self,
        token: &SecretString,
    ) -> Result<Vec<SavedAccountNumber>, ClientError> {
        decode(
            self.call(Method::GET, "me/account-numbers", Some(token), NO_BODY)
                .await?,
        )
        .await
    }

    pub async fn save_account_number(
        &self,
        token: &SecretString,
        number: &str,
        name: &str,
    ) -> Result<SavedAccountNumber, ClientError> {
        let body = AccountNumberForm {
            number: number.to_owned(),
            name: name.to_owned(),
        };
        decode(
            self.call(Method::POST, "me/account-numbers", Some(token), Some(&body))
                .await?,
        )
        .await
    }

    pub async fn rename_account_number(
        &self,
        token: &SecretString,
        id: i64,
        name: &str,
    ) -> Result<SavedAccountNumber, ClientError> {
        let body = AccountNumberRename {
            name: name.to_owned(),
        };
        let path = ApiPath::from("me/account-numbers").segment(&id.to_string())?;
        decode(
            self.call(Method::PATCH, path, Some(token), Some(&body))
                .await?,
        )
        .await
    }

    pub async fn remove_account_number(
        &self,
        token: &SecretString,
        id: i64,
    ) -> Result<(), ClientError> {
        let path = ApiPath::from("me/account-numbers").segment(&id.to_string())?;
        self.call(Method::DELETE, path, Some(token), NO_BODY)
            .await
            .map(drop)
    }

    pub async fn addresses(&self, token: &SecretString) -> Result<Vec<SavedAddress>, ClientError> {
        decode(
            self.call(Method::GET, "me/addresses", Some(token), NO_BODY)
                .await?,
        )
        .await
    }

    pub async fn add_address(
        &self,
        token: &SecretString,
        address: &AddressInput,
    ) -> Result<SavedAddress, ClientError> {
        decode(
            self.call(Method::POST, "me/addresses", Some(token), Some(address))
                .await?,
        )
        .await
    }

    pub async fn update_address(
        &self,
        token: &SecretString,
        id: i64,
        address: &AddressInput,
    ) -> Result<SavedAddress, ClientError> {
        let path = ApiPath::from("me/addresses").segment(&id.to_string())?;
        decode(
            self.call(Method::PUT, path, Some(token), Some(address))
                .await?,
        )
        .await
    }

    pub async fn remove_address(&self, token: &SecretString, id: i64) -> Result<(), ClientError> {
        let path = ApiPath::from("me/addresses").segment(&id.to_string())?;
        self.call(Method::DELETE, path, Some(token), NO_BODY)
            .await
            .map(drop)
    }
}

impl ServiceClient {
    pub async fn catalogue(&self) -> Result<oso_api::catalogue::Catalogue, ClientError> {
        decode(self.call(Method::GET, "catalogue", None, NO_BODY).await?).await
    }
}

impl ServiceClient {
    /// Places (or, with a known idempotency key, finds) an order; answers its number.
    pub async fn place_order(
        &self,
        token: &SecretString,
        order: &oso_api::orders::OrderRequest,
    ) -> Result<String, ClientError> {
        let placed: oso_api::orders::PlacedOrder = decode(
            self.call(Method::POST, "orders", Some(token), Some(order))
                .await?,
        )
        .await?;
        Ok(placed.order_number)
    }
}
