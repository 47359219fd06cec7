//! A freedesktop notification server on the tests' session bus (what a desktop's notification
//! daemon is): it owns `org.freedesktop.Notifications`, keeps every notification it is asked to
//! show, and can press one of their actions, as a person would, by emitting `ActionInvoked`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use zbus::object_server::SignalEmitter;
use zbus::zvariant::OwnedValue;

const PATH: &str = "/org/freedesktop/Notifications";

/// A notification as the app asked for it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub id: u32,
    pub summary: String,
    pub body: String,
    /// Pairs of (action key, label), as the specification lists them.
    pub actions: Vec<(String, String)>,
    pub at: Instant,
}

#[derive(Default)]
struct Daemon {
    shown: Arc<Mutex<Vec<Shown>>>,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Daemon {
    fn get_capabilities(&self) -> Vec<String> {
        vec!["actions".into(), "body".into()]
    }

    #[allow(clippy::too_many_arguments)]
    fn notify(
        &self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        let mut shown = self.shown.lock().expect("not poisoned");
        let id = shown.len() as u32 + 1;
        shown.push(Shown {
            id,
            summary,
            body,
            actions: actions
                .chunks(2)
                .map(|pair| (pair[0].clone(), pair.get(1).cloned().unwrap_or_default()))
                .collect(),
            at: Instant::now(),
        });
        id
    }

    fn close_notification(&self, _id: u32) {}

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "oso-test-daemon".into(),
            "OSO".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    #[zbus(signal)]
    async fn action_invoked(
        emitter: &SignalEmitter<'_>,
        id: u32,
        action_key: &str,
    ) -> zbus::Result<()>;
}

/// The server, serving until dropped.
pub struct NotificationServer {
    connection: zbus::blocking::Connection,
    shown: Arc<Mutex<Vec<Shown>>>,
}

impl NotificationServer {
    /// Takes the notification service's name on the session bus (`DBUS_SESSION_BUS_ADDRESS`).
    pub fn start() -> Self {
        let daemon = Daemon::default();
        let shown = Arc::clone(&daemon.shown);
        let connection = zbus::blocking::connection::Builder::session()
            .and_then(|builder| builder.name("org.freedesktop.Notifications"))
            .and_then(|builder| builder.serve_at(PATH, daemon))
            .and_then(|builder| builder.build())
            .expect("the test's notification server owns its name on the session bus");
        Self { connection, shown }
    }

    pub fn shown(&self) -> Vec<Shown> {
        self.shown.lock().expect("not poisoned").clone()
    }

    /// Presses `action` on notification `id`.
    pub fn invoke(&self, id: u32, action: &str) {
        let interface = self
            .connection
            .object_server()
            .interface::<_, Daemon>(PATH)
            .expect("the daemon is served");
        zbus::block_on(Daemon::action_invoked(
            interface.signal_emitter(),
            id,
            action,
        ))
        .expect("the signal goes out");
    }
}
