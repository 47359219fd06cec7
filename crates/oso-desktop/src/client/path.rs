//! Paths under `/api/v1`. A path is fixed text from this crate's source, or fixed text and
//! values that were each encoded as one path segment: a value (an order number, an e-mail
//! address, an id the page sent) can never become a separator, a query, or a step up
//! (`..`) that reaches another route.

use oso_api::{ErrorBody, ErrorCode};

use super::ClientError;

/// A path under `/api/v1`, with its query string when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiPath(String);

impl From<&'static str> for ApiPath {
    /// Fixed text written in the source, such as `"me/addresses"`. A `&'static str` is never
    /// built from input, so only literals pass; anything formatted must go through
    /// [`ApiPath::segment`].
    fn from(fixed: &'static str) -> Self {
        Self(fixed.to_owned())
    }
}

impl ApiPath {
    /// Appends `value` as one segment, percent-encoded. `""`, `.` and `..` (and their encoded
    /// forms, which URL parsers treat the same) name no resource and are refused as not found.
    pub fn segment(mut self, value: &str) -> Result<Self, ClientError> {
        if value.is_empty() || value.bytes().all(|byte| byte == b'.') {
            return Err(ClientError::Refused(ErrorBody {
                code: ErrorCode::NotFound,
                message: "no such resource".to_owned(),
                fields: Default::default(),
                retry_after_seconds: None,
            }));
        }
        self.0.push('/');
        self.0.push_str(&encode_segment(value));
        Ok(self)
    }

    /// Appends fixed text (`"cancel"`) as the next segment.
    pub fn then(mut self, fixed: &'static str) -> Self {
        self.0.push('/');
        self.0.push_str(fixed);
        self
    }

    /// Adds one of the contract's query types, percent-encoded (nothing when every field is
    /// absent), so no value can add a parameter of its own.
    pub fn with_query<Q: serde::Serialize>(mut self, query: &Q) -> Result<Self, ClientError> {
        let encoded = serde_urlencoded::to_string(query).map_err(|error| {
            ClientError::UnexpectedAnswer(format!("query not encodable: {error}"))
        })?;
        if !encoded.is_empty() {
            self.0.push('?');
            self.0.push_str(&encoded);
        }
        Ok(self)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Everything but RFC 3986's unreserved characters escaped.
fn encode_segment(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                encoded.push(char::from(byte));
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use oso_api::esecure::RequestsQuery;
    use oso_api::orders::HistoryQuery;

    use super::*;

    fn path(value: &str) -> Result<String, ClientError> {
        ApiPath::from("orders")
            .segment(value)
            .map(|path| path.then("cancel").as_str().to_owned())
    }

    #[test]
    fn a_plain_value_is_one_segment_as_it_is() {
        assert_eq!(
            path("OSO-2026-000001").expect("a valid segment"),
            "orders/OSO-2026-000001/cancel"
        );
    }

    #[test]
    fn separators_queries_fragments_and_escapes_in_a_value_are_encoded() {
        assert_eq!(
            path("x/../../me?y=1#z %41").expect("a valid segment"),
            "orders/x%2F..%2F..%2Fme%3Fy%3D1%23z%20%2541/cancel"
        );
        assert_eq!(
            path("ann+b@zebra.example").expect("a valid segment"),
            "orders/ann%2Bb%40zebra.example/cancel"
        );
    }

    #[test]
    fn an_empty_or_dot_segment_is_refused_as_not_found() {
        for value in ["", ".", "..", "..."] {
            match path(value) {
                Err(ClientError::Refused(body)) => assert_eq!(body.code, ErrorCode::NotFound),
                other => panic!("{value:?} gave {other:?}"),
            }
        }
    }

    #[test]
    fn a_query_is_added_only_when_there_is_one() {
        let path = ApiPath::from("esecure/requests")
            .with_query(&RequestsQuery::default())
            .expect("encodable");
        assert_eq!(path.as_str(), "esecure/requests");
        let query = RequestsQuery {
            status: Some("pending".to_owned()),
            account_number: Some("951234567".to_owned()),
        };
        let path = ApiPath::from("esecure/requests")
            .with_query(&query)
            .expect("encodable");
        assert_eq!(
            path.as_str(),
            "esecure/requests?status=pending&account_number=951234567"
        );
    }

    #[test]
    fn a_value_cannot_add_a_parameter_of_its_own() {
        let query = HistoryQuery {
            status: Some("received&limit=100000#x".to_owned()),
            limit: Some(25),
            ..HistoryQuery::default()
        };
        let path = ApiPath::from("orders")
            .with_query(&query)
            .expect("encodable");
        assert_eq!(
            path.as_str(),
            "orders?sort=created_at&direction=desc&status=received%26limit%3D100000%23x&limit=25"
        );
    }
}
