//! A ladder service in miniature, on std threads: the ladder is loaded once
//! and shared behind an `Arc`; workers answer requests (a level, its
//! counterpart, where a salary falls, a move, readiness from a JSON body of
//! ratings, validation of a posted YAML body, a ladder posted as JSON) as
//! JSON; a reloader swaps in a changed ladder file without stopping them.
//!
//! ```text
//! cargo run --example service
//! ```
//!
//! It builds as a service would take the crate, with `default-features =
//! false, features = ["serde"]` (`cargo run --example service
//! --no-default-features --features serde`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, mpsc};
use std::time::SystemTime;

use dualtrack::{Ladder, Loader, Money, Ratings};
use serde_json::{Value, json};

/// The ladder in service, swapped whole when its file changes.
struct Shared {
    path: PathBuf,
    ladder: RwLock<(Arc<Ladder>, SystemTime)>,
}

impl Shared {
    fn load(path: &Path) -> Result<Self, String> {
        let (ladder, modified) = read(path)?;
        Ok(Self {
            path: path.to_owned(),
            ladder: RwLock::new((Arc::new(ladder), modified)),
        })
    }

    /// The ladder to answer from: a cheap clone of the `Arc`.
    fn current(&self) -> Arc<Ladder> {
        match self.ladder.read() {
            Ok(guard) => Arc::clone(&guard.0),
            Err(poisoned) => Arc::clone(&poisoned.into_inner().0),
        }
    }

    /// Reloads the file when it changed; a broken file keeps the old ladder
    /// in service and says why.
    fn reload_if_changed(&self) -> Result<bool, String> {
        let modified = std::fs::metadata(&self.path)
            .and_then(|m| m.modified())
            .map_err(|e| e.to_string())?;
        let seen = match self.ladder.read() {
            Ok(guard) => guard.1,
            Err(poisoned) => poisoned.into_inner().1,
        };
        if modified == seen {
            return Ok(false);
        }
        let (ladder, modified) = read(&self.path)?;
        let mut guard = match self.ladder.write() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        *guard = (Arc::new(ladder), modified);
        Ok(true)
    }
}

fn read(path: &Path) -> Result<(Ladder, SystemTime), String> {
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .map_err(|e| e.to_string())?;
    let ladder = Loader::new()
        .load_path(path)
        .map_err(|e| e.to_string())?
        .into_ladder();
    Ok((ladder, modified))
}

/// A request, as a router would hand it to a handler.
enum Request {
    Level(String),
    Counterpart {
        level: String,
        track: String,
    },
    Position {
        level: String,
        zone: Option<String>,
        salary: String,
    },
    Move {
        from: String,
        to: String,
    },
    Readiness(String),
    Validate(String),
    /// A ladder posted as JSON: the file format, as a `Ladder` serializes.
    Publish(String),
}

/// Answers one request from `ladder` as JSON, with an HTTP-like status.
fn answer(ladder: &Ladder, request: &Request) -> (u16, Value) {
    let fail = |status: u16, error: &dyn std::fmt::Display| {
        (status, json!({ "error": error.to_string() }))
    };
    match request {
        Request::Level(id) => match ladder.profile(id, None, None) {
            Ok(profile) => (200, json!(profile)),
            Err(error) => fail(404, &error),
        },
        Request::Counterpart { level, track } => match ladder.lookup_counterpart(level, track) {
            Ok(found) => (200, json!({ "id": found.id(), "title": found.title() })),
            Err(error) => fail(404, &error),
        },
        Request::Position {
            level,
            zone,
            salary,
        } => {
            let level = match ladder.lookup_level(level) {
                Ok(level) => level,
                Err(error) => return fail(404, &error),
            };
            let zone = match zone.as_deref().map(|z| ladder.lookup_zone(z)).transpose() {
                Ok(zone) => zone,
                Err(error) => return fail(404, &error),
            };
            let Some(band) = level.band_in(zone) else {
                return fail(500, &"the band cannot be converted");
            };
            let salary = salary
                .parse()
                .ok()
                .and_then(|amount| Money::from_decimal(amount, band.mid().currency()).ok());
            match salary.and_then(|salary| band.position(salary)) {
                Some(position) => (200, json!(position)),
                None => fail(400, &"a salary is a plain decimal in the band's currency"),
            }
        }
        Request::Move { from, to } => match ladder.transition(from, to) {
            Ok(transition) => (200, json!(transition)),
            Err(error) => fail(404, &error),
        },
        Request::Readiness(body) => {
            let ratings: Ratings = match serde_json::from_str(body) {
                Ok(ratings) => ratings,
                Err(error) => return fail(400, &error),
            };
            // Readiness is judged only on ratings the ladder can read.
            match ladder.readiness(&ratings) {
                Ok(readiness) => (200, json!(readiness)),
                Err(problems) => (422, json!(problems)),
            }
        }
        Request::Validate(yaml) => match Loader::new().load(yaml) {
            Ok(loaded) => (200, json!({ "valid": true, "report": loaded.report() })),
            Err(report) => (422, json!({ "valid": false, "report": report })),
        },
        // Deserializing runs the loader's checks: a `Ladder` is always valid.
        Request::Publish(body) => match serde_json::from_str::<Ladder>(body) {
            Ok(posted) => (
                200,
                json!({ "id": posted.id(), "tracks": posted.tracks().len() }),
            ),
            Err(error) => fail(422, &error),
        },
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The service's copy of the ladder file, which an editor may change.
    let dir = std::env::temp_dir().join(format!("dualtrack-service-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("engineering.yaml");
    let original = std::fs::read_to_string("ladders/engineering.yaml")?;
    std::fs::write(&path, &original)?;
    let shared = Arc::new(Shared::load(&path)?);

    let requests = [
        Request::Level("ic6".to_owned()),
        Request::Counterpart { level: "ic6".to_owned(), track: "management".to_owned() },
        Request::Counterpart { level: "ic1".to_owned(), track: "management".to_owned() },
        Request::Position { level: "ic6".to_owned(), zone: Some("london".to_owned()), salary: "150000".to_owned() },
        Request::Move { from: "ic6".to_owned(), to: "management".to_owned() },
        Request::Readiness(
            r#"{ "person": "Grace Hopper", "ratings": { "technical-depth": 5, "system-design": 5, "delivery": 4, "collaboration": 4, "influence": 4 } }"#
                .to_owned(),
        ),
        Request::Readiness(r#"{ "ratings": { "tecnical-depth": 5 } }"#.to_owned()),
        Request::Validate(original.replace("max: 130000 }", "max: 99000 }")),
        Request::Publish(serde_json::to_string(&*shared.current())?),
        Request::Publish(
            serde_json::to_string(&*shared.current())?.replacen(r#""grade":2"#, r#""grade":0"#, 1),
        ),
    ];

    // Workers answer from whatever ladder is current, in parallel.
    let (sent, received) = mpsc::channel();
    std::thread::scope(|scope| {
        for (i, request) in requests.iter().enumerate() {
            let (shared, sent) = (Arc::clone(&shared), sent.clone());
            scope.spawn(move || {
                let ladder = shared.current();
                let _ = sent.send((i, answer(&ladder, request)));
            });
        }
    });
    drop(sent);
    let mut answers: Vec<_> = received.into_iter().collect();
    answers.sort_by_key(|(i, _)| *i);
    for (i, (status, body)) in answers {
        let text = body.to_string();
        let shown: String = text.chars().take(160).collect();
        let more = if text.chars().count() > 160 {
            "..."
        } else {
            ""
        };
        println!("request {}: {status} {shown}{more}", i + 1);
    }

    // A handler that computes on a blocking thread returns an owned answer:
    // no borrow of the ladder outlives the thread (a borrowing `Transition`
    // here is E0515).
    let worker = {
        let ladder = shared.current();
        std::thread::spawn(move || {
            ladder
                .transition("ic6", "management")
                .map(|t| t.into_owned())
        })
    };
    let owned = worker.join().expect("the worker does not panic")?;
    println!(
        "owned move from another thread: {} -> {} ({}), {} newly required",
        owned.from.id,
        owned.to.id,
        owned.direction.as_str(),
        owned.newly_required.len()
    );

    // The same for readiness: ratings from a JSON body, judged on a worker
    // thread that holds the `Arc<Ladder>`, an owned answer handed back.
    let ratings: Ratings = serde_json::from_str(
        r#"{ "person": "Grace Hopper", "ratings": { "technical-depth": 5, "system-design": 5, "delivery": 4, "collaboration": 4, "influence": 4 } }"#,
    )?;
    let worker = {
        let ladder = shared.current();
        std::thread::spawn(move || ladder.readiness(&ratings).map(|r| r.into_owned()))
    };
    let readiness = worker.join().expect("the worker does not panic")?;
    for track in &readiness.tracks {
        println!(
            "owned readiness from another thread: {} ready for {}, people {}",
            track.track,
            track
                .ready
                .as_ref()
                .map_or("nothing yet", |l| l.id.as_str()),
            track.people
        );
    }

    // An editor renames a level; the reloader swaps the ladder in.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        &path,
        original.replace(
            "title: Principal Engineer",
            "title: Principal Software Engineer",
        ),
    )?;
    let reloaded = shared.reload_if_changed()?;
    let (status, body) = answer(&shared.current(), &Request::Level("ic6".to_owned()));
    println!(
        "reloaded: {reloaded}; request 1 again: {status} title {}",
        body["title"]
    );

    // A broken edit keeps the last good ladder in service.
    std::fs::write(&path, original.replace("grade: 6", "grade: six"))?;
    std::thread::sleep(std::time::Duration::from_millis(20));
    match shared.reload_if_changed() {
        Ok(changed) => println!("reloaded: {changed}"),
        Err(error) => println!("not reloaded, still serving the last good ladder: {error}"),
    }
    let (_, body) = answer(&shared.current(), &Request::Level("ic6".to_owned()));
    println!("still serving: title {}", body["title"]);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
