//! A minimal SMTP server on loopback that accepts every message and keeps none: the mail relay a
//! deployed service hands its e-mail to, for benchmarks that measure the service and not a mail
//! server. It speaks just enough SMTP for lettre (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and
//! counts the messages it accepted, so a benchmark can show that its mail really left. Tests use
//! it as a slow server: one that makes every connection wait before greeting it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use oso_service::config::{SmtpConfig, SmtpSecurity};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// How a service reaches an SMTP server on loopback at `port`: plain SMTP, as such test servers
/// speak no TLS, and no login.
pub fn loopback_smtp(port: u16) -> SmtpConfig {
    SmtpConfig {
        host: "127.0.0.1".into(),
        port,
        security: SmtpSecurity::None,
        username: None,
        password: None,
    }
}

pub struct SmtpSink {
    pub port: u16,
    accepted: Arc<AtomicUsize>,
}

impl SmtpSink {
    /// A sink that greets every connection after `delay`: zero for a prompt mail server, more
    /// for a slow one.
    pub async fn start_greeting_after(delay: Duration) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("sink binds");
        let port = listener.local_addr().expect("sink address").port();
        let accepted = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&accepted);
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(converse(stream, delay, Arc::clone(&counter)));
            }
        });
        Self { port, accepted }
    }

    /// Messages accepted so far.
    pub fn accepted(&self) -> usize {
        self.accepted.load(Ordering::Relaxed)
    }
}

async fn converse(
    stream: TcpStream,
    greeting_delay: Duration,
    accepted: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    tokio::time::sleep(greeting_delay).await;
    let (reader, mut writer) = stream.into_split();
    let mut lines = BufReader::new(reader);
    writer.write_all(b"220 sink ESMTP\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250 sink\r\n",
            "DATA" => {
                writer.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                }
                accepted.fetch_add(1, Ordering::Relaxed);
                b"250 accepted\r\n"
            }
            "QUIT" => {
                writer.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"250 OK\r\n",
        };
        writer.write_all(reply).await?;
    }
}
