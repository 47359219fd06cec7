//! Why the service (or an operator command on its data directory) could not start; its own
//! module because both `running` and `operator` answer with it.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::mail::MailError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot load the catalogue: {0}")]
    Catalogue(#[from] crate::catalogue::CatalogueError),
    #[error("cannot set up e-mail: {0}")]
    Mail(#[from] MailError),
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
}
