//! E-mail through a real SMTP server process on loopback (aiosmtpd, from Debian's
//! python3-aiosmtpd, which `make test` installs), read back from the Maildir it writes; and
//! through a slow SMTP server of our own, to see what a stopping service does with mail on its way.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oso_service::ServiceConfig;

#[path = "support/smtp_sink.rs"]
mod smtp_sink;

struct SmtpServer {
    process: Child,
    port: u16,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port()
}

fn start_smtp_server(maildir: &Path) -> SmtpServer {
    let port = free_port();
    let process = Command::new("/usr/bin/python3")
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            "aiosmtpd.handlers.Mailbox",
        ])
        .arg(maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("aiosmtpd starts (make test installs python3-aiosmtpd)");
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "aiosmtpd did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    SmtpServer { process, port }
}

fn delivered(maildir: &Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
                .map(|raw| oso_service::mail::outbox::decode_quoted_printable(&raw))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn an_activation_mail_goes_through_a_real_smtp_server_and_nothing_to_the_outbox() {
    let dir = tempfile::tempdir().expect("temp dir");
    let maildir = dir.path().join("maildir");
    let smtp = start_smtp_server(&maildir);
    let config = ServiceConfig {
        smtp: Some(smtp_sink::loopback_smtp(smtp.port)),
        ..ServiceConfig::embedded(dir.path().join("service"))
    };
    let service = oso_service::start(config).await.expect("starts");

    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/registrations", service.url()))
        .json(&serde_json::json!({"company_name": "Zebra", "contact_name": "Ann",
            "email": "ann@zebra.example", "password": "tall giraffe eats blue kites", "language": "fr"}))
        .send()
        .await
        .expect("answers");
    assert_eq!(response.status(), reqwest::StatusCode::ACCEPTED);

    let deadline = Instant::now() + Duration::from_secs(20);
    let mails = loop {
        let mails = delivered(&maildir);
        if !mails.is_empty() || Instant::now() > deadline {
            break mails;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(mails.len(), 1, "one mail delivered");
    let mail = &mails[0];
    assert!(mail.contains("To: ann@zebra.example"), "{mail}");
    assert!(mail.contains("Activez votre identifiant OSO"), "{mail}");
    assert!(
        oso_service::mail::outbox::find_code(mail).is_some(),
        "{mail}"
    );
    assert!(mail.contains("text/html") && mail.contains("text/plain"));
    let outbox = std::fs::read_dir(service.outbox_dir())
        .expect("outbox")
        .count();
    assert_eq!(outbox, 0, "with SMTP configured nothing goes to the outbox");
}

/// Registers, activates and signs in a user on a service over `data_dir` that writes its mail to
/// the outbox (so the activation code can be read back), stops it and returns the session token.
async fn signed_in_through_the_outbox(data_dir: &Path) -> String {
    let http = reqwest::Client::new();
    let (email, password) = ("ann@zebra.example", "tall giraffe eats blue kites");
    let service = oso_service::start(ServiceConfig::embedded(data_dir))
        .await
        .expect("starts");
    let url = service.url();
    http.post(format!("{url}/api/v1/registrations"))
        .json(
            &serde_json::json!({"company_name": "Zebra", "contact_name": "Ann",
            "email": email, "password": password, "language": "en"}),
        )
        .send()
        .await
        .expect("registers");
    let code =
        oso_service::mail::outbox::newest_code_for(service.outbox_dir(), "activation", email)
            .expect("outbox")
            .expect("activation code");
    http.post(format!("{url}/api/v1/activations"))
        .json(&serde_json::json!({"email": email, "code": code}))
        .send()
        .await
        .expect("activates");
    let grant: serde_json::Value = http
        .post(format!("{url}/api/v1/sessions"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .await
        .expect("signs in")
        .json()
        .await
        .expect("grant");
    service.shutdown().await.expect("stops");
    grant["token"].as_str().expect("token").to_owned()
}

async fn place_an_order(url: &str, token: &str) -> reqwest::StatusCode {
    reqwest::Client::new()
        .post(format!("{url}/api/v1/orders"))
        .bearer_auth(token)
        .json(&serde_json::json!({"idempotency_key": "stop-while-mailing", "account_number": "951234567",
            "address": {"company": "Zebra", "contact_person": "Ann", "street": "Meir", "number": "1",
                        "postal_code": "2000", "city": "Antwerpen", "country": "BE", "phone": "03 223 45 67"},
            "lines": [{"sku": "ENV-DL-50", "packs": 1}]}))
        .send()
        .await
        .expect("answers")
        .status()
}

/// A service over `data_dir` sending its mail to the SMTP server on loopback at `port`.
async fn service_mailing_to(data_dir: &Path, port: u16) -> oso_service::RunningService {
    oso_service::start(ServiceConfig {
        smtp: Some(smtp_sink::loopback_smtp(port)),
        ..ServiceConfig::embedded(data_dir)
    })
    .await
    .expect("starts with SMTP")
}

#[tokio::test]
async fn an_order_confirmation_still_on_its_way_is_sent_before_the_service_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let token = signed_in_through_the_outbox(dir.path()).await;

    // The same database, now mailing through a server that takes a second to greet.
    let slow_server = smtp_sink::SmtpSink::start_greeting_after(Duration::from_secs(1)).await;
    let service = service_mailing_to(dir.path(), slow_server.port).await;
    let placed = place_an_order(&service.url(), &token).await;
    assert_eq!(placed, reqwest::StatusCode::CREATED);
    assert_eq!(
        slow_server.accepted(),
        0,
        "the answer does not wait for the mail"
    );

    service.shutdown().await.expect("stops");
    assert_eq!(
        slow_server.accepted(),
        1,
        "the confirmation left before the service stopped"
    );
}

#[tokio::test]
async fn a_mail_server_that_never_answers_holds_the_stop_only_for_the_grace_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let token = signed_in_through_the_outbox(dir.path()).await;
    let silent_server = smtp_sink::SmtpSink::start_greeting_after(Duration::from_secs(3600)).await;
    let service = service_mailing_to(dir.path(), silent_server.port).await;
    let placed = place_an_order(&service.url(), &token).await;
    assert_eq!(placed, reqwest::StatusCode::CREATED);

    let stopping = service.shutdown_waiting_for_mail(Duration::from_millis(200));
    tokio::time::timeout(Duration::from_secs(20), stopping)
        .await
        .expect("the stop does not wait for the silent server")
        .expect("stops cleanly");
    assert_eq!(silent_server.accepted(), 0);
}

#[tokio::test]
async fn a_service_told_to_mail_in_clear_text_to_another_machine_does_not_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clear_text_over_the_network = oso_service::config::SmtpConfig {
        host: "smtp.example.com".into(),
        ..smtp_sink::loopback_smtp(25)
    };

    let refused = oso_service::start(ServiceConfig {
        smtp: Some(clear_text_over_the_network),
        ..ServiceConfig::embedded(dir.path())
    })
    .await
    .expect_err("issue 17: SMTP security \"none\" only to this machine");

    let message = refused.to_string();
    assert!(message.contains("smtp.example.com"), "{message}");
    assert!(message.contains("starttls"), "names the way out: {message}");
    let on_this_machine = oso_service::start(ServiceConfig {
        smtp: Some(smtp_sink::loopback_smtp(25)),
        ..ServiceConfig::embedded(dir.path())
    })
    .await
    .expect("clear text to this machine stays possible");
    on_this_machine.shutdown().await.expect("stops");
}
