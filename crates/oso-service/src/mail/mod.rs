//! Outgoing e-mail: rendered from Fluent in the recipient's language (text and HTML, no
//! tracking), sent by SMTP when configured, otherwise written as `.eml` files to the outbox.

pub mod outbox;
pub mod templates;
pub mod when;

use oso_core::Email;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::{Digest, Sha256};
use tokio::sync::{OwnedRwLockReadGuard, RwLock};

use crate::config::{SmtpConfig, SmtpSecurity};
pub use templates::{MailContent, MailKind};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("cannot build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("cannot write to the outbox: {0}")]
    Outbox(#[from] std::io::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error(
        "SMTP security \"none\" would send mail and the SMTP password in clear text to {0:?}; \
         it is allowed only to a server on this machine (localhost, 127.0.0.1, ::1): \
         use security = \"starttls\" or \"tls\""
    )]
    InsecureSmtp(String),
}

#[derive(Clone)]
enum Delivery {
    Outbox(PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    delivery: Delivery,
    /// Mail that leaves after its request was answered holds this shared; removing a recipient's
    /// mail holds it alone, so it runs after every such mail already promised was written.
    in_flight: Arc<RwLock<()>>,
}

/// A promise that a mail will be sent after the answer: see [`Mailer::promise`].
#[derive(Debug)]
pub struct MailPromise {
    _held: OwnedRwLockReadGuard<()>,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.delivery {
            Delivery::Outbox(dir) => write!(f, "Mailer(outbox {})", dir.display()),
            Delivery::Smtp(_) => f.write_str("Mailer(smtp)"),
        }
    }
}

impl Mailer {
    pub fn outbox(dir: PathBuf, from: &str) -> Result<Self, MailError> {
        Ok(Self {
            from: parse_mailbox(from)?,
            delivery: Delivery::Outbox(dir),
            in_flight: Arc::default(),
        })
    }

    pub fn smtp(config: &SmtpConfig, from: &str) -> Result<Self, MailError> {
        let builder = match config.security {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)?,
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)?
            }
            // Clear text only where it never crosses a network (issue 17).
            SmtpSecurity::None if config.is_loopback() => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            }
            SmtpSecurity::None => return Err(MailError::InsecureSmtp(config.host.clone())),
        };
        let mut builder = builder.port(config.port);
        if let (Some(username), Some(password)) = (&config.username, &config.password) {
            builder = builder.credentials(Credentials::new(
                username.clone(),
                password.expose().to_owned(),
            ));
        }
        Ok(Self {
            from: parse_mailbox(from)?,
            delivery: Delivery::Smtp(builder.build()),
            in_flight: Arc::default(),
        })
    }

    /// Sends `content` to `to`. `kind` names the message in the outbox file and the log.
    #[tracing::instrument(skip(self, to, content), err)]
    pub async fn send(
        &self,
        kind: MailKind,
        to: &str,
        content: MailContent,
    ) -> Result<(), MailError> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(parse_mailbox(to)?)
            .subject(content.subject)
            // Quoted-printable keeps the ASCII parts (codes, links) readable in the raw file.
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .header(ContentTransferEncoding::QuotedPrintable)
                            .body(content.text),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .header(ContentTransferEncoding::QuotedPrintable)
                            .body(content.html),
                    ),
            )?;
        match &self.delivery {
            Delivery::Outbox(dir) => write_to_outbox(dir, kind, to, &message.formatted()).await?,
            Delivery::Smtp(transport) => {
                transport.send(message).await?;
            }
        }
        tracing::info!(kind = kind.as_str(), "e-mail sent");
        Ok(())
    }

    /// Taken before answering a request whose mail is sent afterwards, and kept until that mail
    /// is written: "forget me" then waits for it instead of missing it.
    pub async fn promise(&self) -> MailPromise {
        MailPromise {
            _held: Arc::clone(&self.in_flight).read_owned().await,
        }
    }

    /// Returns once every mail promised so far has been sent or has failed.
    pub async fn promised_mail_sent(&self) {
        drop(self.in_flight.write().await);
    }

    /// Removes every outbox copy of mail to `address` ("forget me"), after every mail promised
    /// before was written. SMTP mail has left already.
    pub async fn forget_recipient(&self, address: &str) -> Result<(), MailError> {
        let _no_mail_in_flight = self.in_flight.write().await;
        let Delivery::Outbox(dir) = &self.delivery else {
            return Ok(());
        };
        let tag = recipient_tag(address);
        let mut entries = tokio::fs::read_dir(dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            if entry.file_name().to_string_lossy().contains(&tag) {
                tokio::fs::remove_file(entry.path()).await?;
            }
        }
        Ok(())
    }

    /// Removes every outbox copy of mail that names `address` to someone else ("forget me"),
    /// after every mail promised before was written: the kinds in [`MailKind::NAMING_OTHERS`]
    /// are read and those naming the address are deleted.
    pub async fn forget_mentions_of(&self, address: &str) -> Result<(), MailError> {
        let _no_mail_in_flight = self.in_flight.write().await;
        let Delivery::Outbox(dir) = &self.delivery else {
            return Ok(());
        };
        let (dir, address) = (dir.clone(), Email::canonical_of(address));
        tokio::task::spawn_blocking(move || {
            outbox::remove_mail_naming(&dir, &MailKind::NAMING_OTHERS, &address)
        })
        .await
        .map_err(std::io::Error::other)??;
        Ok(())
    }
}

fn parse_mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .parse()
        .map_err(|_| MailError::Address(address.to_owned()))
}

/// Names outbox files by a hash of the recipient, so they can be found again without reading
/// them and without putting the address in a file name.
fn recipient_tag(address: &str) -> String {
    let hash = Sha256::digest(Email::canonical_of(address).as_bytes());
    hash.iter()
        .take(6)
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

async fn write_to_outbox(
    dir: &Path,
    kind: MailKind,
    to: &str,
    message: &[u8],
) -> std::io::Result<()> {
    static SENT: AtomicU64 = AtomicU64::new(0);
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    // The counter keeps two mails of one kind to one address in the same microsecond apart.
    let sequence = SENT.fetch_add(1, Ordering::Relaxed) % 1_000_000;
    let name = format!(
        "{stamp}-{sequence:06}-{}-{}.eml",
        kind.as_str(),
        recipient_tag(to)
    );
    let (dir, message) = (dir.to_owned(), message.to_vec());
    // Written under a temporary name and renamed, so a reader never sees half a message; both
    // in one blocking task, one hand-over instead of two.
    tokio::task::spawn_blocking(move || {
        let partial = dir.join(format!(".{name}.partial"));
        // Only this OS user may read it (0600), like everything in the data directory.
        oso_files::write_private(&partial, &message)?;
        std::fs::rename(&partial, dir.join(name))
    })
    .await
    .map_err(std::io::Error::other)?
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn content() -> MailContent {
        MailContent {
            subject: "Order OSO-2026-000001".to_owned(),
            text: "Thank you, Ann".to_owned(),
            html: "<p>Thank you, Ann</p>".to_owned(),
        }
    }

    #[tokio::test]
    async fn forgetting_a_recipient_waits_for_mail_promised_to_them_and_then_removes_it() {
        let outbox = tempfile::tempdir().expect("outbox");
        let mailer =
            Mailer::outbox(outbox.path().to_owned(), "OSO <noreply@oso.example>").expect("mailer");
        let promise = mailer.promise().await;
        let forgetting = tokio::spawn({
            let mailer = mailer.clone();
            async move { mailer.forget_recipient("ann@zebra.example").await }
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(!forgetting.is_finished(), "waits for the promised mail");

        mailer
            .send(MailKind::OrderConfirmation, "ann@zebra.example", content())
            .await
            .expect("sent");
        drop(promise);
        forgetting.await.expect("task").expect("forgotten");
        let left = outbox::read_mails(outbox.path(), "").expect("outbox");
        assert!(left.is_empty(), "{left:?}");
    }

    #[tokio::test]
    async fn mails_of_one_kind_to_one_address_sent_at_once_are_all_kept() {
        let outbox = tempfile::tempdir().expect("outbox");
        let mailer =
            Mailer::outbox(outbox.path().to_owned(), "OSO <noreply@oso.example>").expect("mailer");
        let mut sends = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let mailer = mailer.clone();
            sends.spawn(async move {
                mailer
                    .send(MailKind::OrderConfirmation, "ann@zebra.example", content())
                    .await
            });
        }
        while let Some(sent) = sends.join_next().await {
            sent.expect("task").expect("sent");
        }
        assert_eq!(
            outbox::read_mails(outbox.path(), "order-confirmation")
                .expect("outbox")
                .len(),
            20
        );
    }

    #[tokio::test]
    async fn forgetting_a_person_removes_the_administrators_mails_naming_them_and_no_other() {
        let outbox = tempfile::tempdir().expect("outbox");
        let mailer =
            Mailer::outbox(outbox.path().to_owned(), "OSO <noreply@oso.example>").expect("mailer");
        let naming = |who: &str| MailContent {
            subject: "Request".to_owned(),
            // Long enough for quoted-printable to break the line.
            text: format!("{} asks: {who} (Quokka BV)", "x".repeat(70)),
            html: format!("<p>{who}</p>"),
        };
        for (kind, who) in [
            (MailKind::EsecureRequest, "Quentin@Rare.example"),
            (MailKind::EsecureAdministrator, "quentin@rare.example"),
            (MailKind::EsecureRequest, "jo.quentin@rare.example"),
            (MailKind::OrderConfirmation, "quentin@rare.example"),
        ] {
            mailer
                .send(kind, "admin@zebra.example", naming(who))
                .await
                .expect("sent");
        }

        mailer
            .forget_mentions_of("QUENTIN@rare.example ")
            .await
            .expect("forgotten");
        let left = outbox::read_mails(outbox.path(), "").expect("outbox");
        assert_eq!(left.len(), 2, "{left:?}");
        assert!(left
            .iter()
            .any(|mail| mail.contains("jo.quentin@rare.example")));
        assert_eq!(
            outbox::read_mails(outbox.path(), "order-confirmation")
                .expect("outbox")
                .len(),
            1
        );
    }

    fn smtp_config(host: &str) -> SmtpConfig {
        SmtpConfig {
            host: host.to_owned(),
            port: 25,
            security: SmtpSecurity::None,
            username: None,
            password: None,
        }
    }

    #[tokio::test]
    async fn smtp_without_encryption_to_another_machine_is_refused_naming_the_setting() {
        let refused = Mailer::smtp(
            &smtp_config("smtp.example.com"),
            crate::config::DEFAULT_MAIL_FROM,
        )
        .expect_err("clear text over the network");
        let message = refused.to_string();
        assert!(message.contains("smtp.example.com"), "{message}");
        assert!(message.contains("starttls"), "{message}");
        assert!(Mailer::smtp(&smtp_config("127.0.0.1"), crate::config::DEFAULT_MAIL_FROM).is_ok());
        let encrypted = SmtpConfig {
            security: SmtpSecurity::Starttls,
            ..smtp_config("smtp.example.com")
        };
        assert!(Mailer::smtp(&encrypted, crate::config::DEFAULT_MAIL_FROM).is_ok());
    }
}
