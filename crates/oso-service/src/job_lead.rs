//! One instance at a time runs each background job (the hourly rules, the demo mover): with
//! several instances on one PostgreSQL database, each tick every instance asks for the job's
//! lead and only the one that gets it does the work, so a warning mail goes once however many
//! instances run. The lead is a session advisory lock held by one pooled connection for the
//! length of the run; if the instance dies, its connection closes and the lock goes with it.
//! On SQLite, one instance owns the database file, so it always leads.

use oso_service_postgres::job_leads as postgres;
use sqlx::pool::PoolConnection;
use sqlx::Postgres;

use crate::database::Database;

/// The lead of one job, until [`Lead::give_up`] (or, if it is dropped, until its connection
/// closes).
#[derive(Debug)]
pub struct Lead {
    held: Option<(PoolConnection<Postgres>, &'static str)>,
}

/// The lead of `job`, or `None` when another instance holds it now.
pub async fn take(database: &Database, job: &'static str) -> Result<Option<Lead>, sqlx::Error> {
    match database {
        Database::Sqlite(_) => Ok(Some(Lead { held: None })),
        Database::Postgres(pool) => {
            let mut conn = pool.acquire().await?;
            if !postgres::try_take(&mut conn, job).await? {
                return Ok(None);
            }
            Ok(Some(Lead {
                held: Some((conn, job)),
            }))
        }
    }
}

/// The lead of `job`, once the instance holding it now (if any) has given it up.
pub async fn wait_for(database: &Database, job: &'static str) -> Result<Lead, sqlx::Error> {
    match database {
        Database::Sqlite(_) => Ok(Lead { held: None }),
        Database::Postgres(pool) => {
            let mut conn = pool.acquire().await?;
            postgres::take_waiting(&mut conn, job).await?;
            Ok(Lead {
                held: Some((conn, job)),
            })
        }
    }
}

impl Lead {
    /// Lets another instance lead the next run.
    pub async fn give_up(mut self) -> Result<(), sqlx::Error> {
        if let Some((mut conn, job)) = self.held.take() {
            postgres::give_up(&mut conn, job).await?;
        }
        Ok(())
    }
}

impl Drop for Lead {
    fn drop(&mut self) {
        // Not given up (an error or a panic on the way): the pooled connection would keep the
        // lock for whoever uses it next, so it is closed instead of going back to the pool.
        if let Some((conn, _)) = self.held.take() {
            drop(conn.detach());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::database::testing::{self, TestDatabase};

    async fn one_instance_leads_a_job_at_a_time(db: TestDatabase) {
        let lead = take(&db.database, "hourly").await.expect("asks");
        let lead = lead.expect("nobody led it");
        let second = take(&db.database, "hourly").await.expect("asks");
        let other_job = take(&db.database, "demo").await.expect("asks");
        if matches!(db.database, Database::Postgres(_)) {
            assert!(second.is_none(), "another instance leads it now");
        }
        assert!(other_job.is_some(), "another job has a lead of its own");
        lead.give_up().await.expect("gives up");
        if let Some(second) = second {
            second.give_up().await.expect("gives up");
        }
        let again = take(&db.database, "hourly").await.expect("asks");
        assert!(again.is_some(), "free again");
        // Dropped without giving up: its connection closes and takes the lock with it.
        drop(again);
        let mut tries = 0;
        while take(&db.database, "hourly").await.expect("asks").is_none() {
            tries += 1;
            assert!(tries < 100, "the lock outlived its connection");
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
    }

    async fn of_many_instances_asking_at_once_one_leads(db: TestDatabase) {
        let everyone_asked = std::sync::Arc::new(tokio::sync::Barrier::new(8));
        let mut tasks = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (database, everyone_asked) = (db.database.clone(), everyone_asked.clone());
            tasks.spawn(async move {
                let lead = take(&database, "hourly").await.expect("asks");
                let led = lead.is_some();
                // The lead is held until every instance has asked.
                everyone_asked.wait().await;
                if let Some(lead) = lead {
                    lead.give_up().await.expect("gives up");
                }
                led
            });
        }
        let mut leads = 0;
        while let Some(led) = tasks.join_next().await {
            leads += usize::from(led.expect("the task ran"));
        }
        match db.database {
            Database::Postgres(_) => assert_eq!(leads, 1),
            Database::Sqlite(_) => assert_eq!(leads, 8, "one instance: it always leads"),
        }
    }

    testing::on_both_engines!(
        one_instance_leads_a_job_at_a_time,
        of_many_instances_asking_at_once_one_leads,
    );
}
