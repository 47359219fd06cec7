/// Ctrl-C and SIGTERM, registered when made on Unix (elsewhere Ctrl-C, when waited for).
pub struct StopSignals {
    #[cfg(unix)]
    interrupt: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    terminate: Option<tokio::signal::unix::Signal>,
}

impl StopSignals {
    pub fn listen() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            let register = |kind: SignalKind| {
                signal(kind)
                    .map_err(|error| tracing::warn!(%error, "cannot listen for a stop signal"))
                    .ok()
            };
            Self {
                interrupt: register(SignalKind::interrupt()),
                terminate: register(SignalKind::terminate()),
            }
        }
        #[cfg(not(unix))]
        Self {}
    }

    pub async fn received(self) {
        #[cfg(unix)]
        {
            async fn received(signal: Option<tokio::signal::unix::Signal>) {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending().await,
                }
            }
            if self.interrupt.is_none() && self.terminate.is_none() {
                let _ = tokio::signal::ctrl_c().await;
                return;
            }
            tokio::select! {
                _ = received(self.interrupt) => {}
                _ = received(self.terminate) => {}
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
