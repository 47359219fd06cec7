//! What people type, and what a link carries, reaches e-mails and pages as text, never as
//! markup: askama escapes every value of the service's templates (`crates/oso-service/templates`).

use crate::accounts::{active_user, active_user_of};
use crate::app_links::page_html;
use crate::esecure::{protected_account, save_number};
use crate::support::spawn_service;

const MARKUP: &str = r#"<script>alert(1)</script> & "Ann""#;
/// `MARKUP` as askama writes it: numeric character references.
const ESCAPED: &str = "&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;Ann&#34;";

/// The HTML part of a decoded mail (its text part, first, has the company as typed).
fn html_part(mail: &str) -> &str {
    let start = mail.find("Content-Type: text/html").expect("an HTML part");
    &mail[start..]
}

#[tokio::test]
async fn a_company_name_with_a_script_is_escaped_in_the_request_mail_and_on_the_reject_page() {
    let service = spawn_service().await;
    active_user(&service, "ann@zebra.example").await;
    protected_account(&service, "ann@zebra.example").await;
    let bob = active_user_of(&service, "bob@other.example", MARKUP).await;
    save_number(&service, &bob).await;
    let mail = &service.mails("esecure-request")[0];
    let token = oso_service::mail::outbox::find_link_token(mail, "/esecure/reject").expect("link");

    let page = page_html(&service, &format!("/esecure/reject?token={token}")).await;

    let html = html_part(mail);
    assert!(html.contains(ESCAPED), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(page.contains(ESCAPED), "{page}");
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains("bob@other.example"), "{page}");
}

#[tokio::test]
async fn a_token_with_markup_stays_inside_the_forms_value_on_the_link_pages() {
    let service = spawn_service().await;
    let token = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E";

    let activation = page_html(&service, &format!("/activate?token={token}")).await;
    let reset = page_html(&service, &format!("/reset-password?token={token}")).await;

    let value = r#"value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;""#;
    for page in [activation, reset] {
        assert!(page.contains(value), "{page}");
        assert!(!page.contains("<script"), "{page}");
    }
}
