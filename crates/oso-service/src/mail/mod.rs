//! Outgoing e-mail: rendered from Fluent in the recipient's language (text and HTML, no
//! tracking), sent by SMTP when configured, otherwise written as `.eml` files to the outbox.

pub mod outbox;
pub mod templates;

use std::path::{Path, PathBuf};

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sha2::{Digest, Sha256};

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
        })
    }

    pub fn smtp(config: &SmtpConfig, from: &str) -> Result<Self, MailError> {
        let builder = match config.security {
            SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host)?,
            SmtpSecurity::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host)?
            }
            SmtpSecurity::None => {
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            }
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

    /// Removes every outbox copy of mail to `address` ("forget me"). SMTP mail has left already.
    pub async fn forget_recipient(&self, address: &str) -> Result<(), MailError> {
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
}

fn parse_mailbox(address: &str) -> Result<Mailbox, MailError> {
    address
        .parse()
        .map_err(|_| MailError::Address(address.to_owned()))
}

/// Names outbox files by a hash of the recipient, so they can be found again without reading
/// them and without putting the address in a file name.
fn recipient_tag(address: &str) -> String {
    let hash = Sha256::digest(address.trim().to_lowercase().as_bytes());
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
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
    let name = format!("{stamp}-{}-{}.eml", kind.as_str(), recipient_tag(to));
    // Written under a temporary name and renamed, so a reader never sees half a message.
    let partial = dir.join(format!(".{name}.partial"));
    tokio::fs::write(&partial, message).await?;
    tokio::fs::rename(&partial, dir.join(name)).await
}
