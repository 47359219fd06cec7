//! The `oso-service` binary's contract, which operators and scripts rely on:
//! `oso-service serve --listen ADDR --data-dir DIR`, documented by `--help`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_oso-service");

#[test]
fn serve_help_documents_every_option() {
    let output = Command::new(BINARY)
        .args(["serve", "--help"])
        .output()
        .expect("runs");
    let help = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    for option in [
        "--listen",
        "--data-dir",
        "--config",
        "OSO_SERVICE_LISTEN",
        "OSO_SERVICE_DATA_DIR",
        "--trusted-proxy",
        "OSO_SERVICE_TRUSTED_PROXIES",
    ] {
        assert!(
            help.contains(option),
            "--help does not mention {option}:\n{help}"
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let output = Command::new(BINARY)
        .arg("--version")
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("oso-service {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn serve_listens_where_told_keeps_its_files_in_the_data_dir_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let mut child = Command::new(BINARY)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--data-dir",
        ])
        .arg(dir.path())
        .env("OSO_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    // Log lines may come first: a data directory others could read is tightened, and said so.
    let announced = format!("listening on http://127.0.0.1:{port}");
    let mut said = String::new();
    for _ in 0..10 {
        let mut line = String::new();
        stdout.read_line(&mut line).expect("announces itself");
        said.push_str(&line);
        if line.contains(&announced) {
            break;
        }
    }
    assert!(said.contains(&announced), "{said}");

    let health: serde_json::Value =
        reqwest::blocking::get(format!("http://127.0.0.1:{port}/api/v1/health"))
            .expect("answers")
            .json()
            .expect("json");
    assert_eq!(health["status"], "ok");
    assert!(dir.path().join("oso-service.sqlite3").is_file());
    assert!(dir.path().join("outbox").is_dir());

    let pid = child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    assert!(status.success(), "a graceful stop exits 0, got {status}");
}

#[test]
fn serve_takes_its_trusted_proxies_from_a_comma_separated_variable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(BINARY)
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .env("OSO_SERVICE_TRUSTED_PROXIES", "127.0.0.1,::1")
        .env("OSO_LOG", "info")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    // The log goes to stderr (stdout carries what a command answers).
    let mut log = BufReader::new(child.stderr.take().expect("stderr"));
    let mut said = String::new();
    for _ in 0..20 {
        let mut line = String::new();
        let read = log.read_line(&mut line).expect("logs its start");
        said.push_str(&line);
        if read == 0 || line.contains("service started") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();

    assert!(
        said.contains("trusted_proxies=[127.0.0.1, ::1]"),
        "the start-up log names the trusted proxies:\n{said}"
    );
}

#[test]
fn a_broken_configuration_file_is_refused_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("service.toml");
    std::fs::write(&config, "lisen = \"127.0.0.1:1\"\n").expect("written");

    let output = Command::new(BINARY)
        .arg("serve")
        .arg("--config")
        .arg(&config)
        .output()
        .expect("runs");

    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("service.toml"), "{stderr}");
}

#[test]
fn openapi_prints_the_api_description() {
    let output = Command::new(BINARY).arg("openapi").output().expect("runs");
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(document["paths"]["/api/v1/health"].is_object());
}

#[test]
fn every_schema_the_openapi_description_refers_to_is_in_it() {
    let output = Command::new(BINARY).arg("openapi").output().expect("runs");
    let document = String::from_utf8_lossy(&output.stdout);
    let parsed: serde_json::Value = serde_json::from_str(&document).expect("JSON");
    let schemas = &parsed["components"]["schemas"];
    let mut missing = Vec::new();
    for reference in document.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap_or_default();
        if schemas.get(name).is_none() {
            missing.push(name.to_owned());
        }
    }
    assert!(missing.is_empty(), "unresolvable references: {missing:?}");
}
