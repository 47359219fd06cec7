//! E-mail through a real SMTP server process on loopback (aiosmtpd, from Debian's
//! python3-aiosmtpd, which `make test` installs), read back from the Maildir it writes.

use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use oso_service::config::{SmtpConfig, SmtpSecurity};
use oso_service::ServiceConfig;

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
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port: smtp.port,
            // Loopback only: the server of this test speaks no TLS.
            security: SmtpSecurity::None,
            username: None,
            password: None,
        }),
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
