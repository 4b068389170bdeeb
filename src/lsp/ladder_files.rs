//! The ladder a ratings file names, found on disk when it is not open: a
//! `*.yaml` or `*.yml` file whose `id` is that ladder, in the ratings file's
//! directory or in a `ladders/` directory beside it or above it, up to the
//! workspace root. What was read is kept, by path and modified time.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use lsp_types::Uri;

use crate::load::Loader;

use super::analysis::{Analysis, top_level_scalar};

/// The most files one look-up considers: a ratings file in a directory of
/// thousands of files is not held up reading them all.
pub(crate) const MAX_FILES: usize = 200;

/// The files kept: past this many, the cache starts over.
const MAX_CACHED: usize = 4 * MAX_FILES;

/// Ladder files read from disk, and where to stop looking.
#[derive(Debug, Default)]
pub(crate) struct LadderFiles {
    /// The workspace folders: a look-up climbs no higher than the one
    /// holding the ratings file (to the filesystem root when none does).
    roots: Vec<PathBuf>,
    read: HashMap<PathBuf, Read>,
}

/// One file as last read.
#[derive(Debug)]
struct Read {
    modified: SystemTime,
    len: u64,
    /// Its top-level `id`, when it has one.
    id: Option<String>,
    /// The file analysed as a ladder, once a ratings file named it.
    analysis: Option<Arc<Analysis>>,
}

impl LadderFiles {
    pub(crate) fn new(roots: Vec<PathBuf>) -> Self {
        Self {
            roots,
            read: HashMap::new(),
        }
    }

    /// The ladder file whose `id` is `id`, looked for from the ratings file
    /// at `ratings`, reading at most [`MAX_FILES`] files with `loader`'s size
    /// limit.
    pub(crate) fn find(
        &mut self,
        id: &str,
        ratings: &Path,
        loader: &Loader,
    ) -> Option<Arc<Analysis>> {
        if self.read.len() > MAX_CACHED {
            self.read.clear();
        }
        let mut budget = MAX_FILES;
        for directory in self.directories(ratings) {
            let Ok(entries) = std::fs::read_dir(&directory) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| is_yaml(path) && path != ratings)
                .collect();
            files.sort();
            for file in files {
                if budget == 0 {
                    return None;
                }
                budget -= 1;
                if let Some(found) = self.ladder_at(&file, id, loader) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Where to look, nearest first: the ratings file's directory, then the
    /// `ladders/` directory of it and of each ancestor up to the workspace
    /// root.
    fn directories(&self, ratings: &Path) -> Vec<PathBuf> {
        let Some(directory) = ratings.parent() else {
            return Vec::new();
        };
        let top = self
            .roots
            .iter()
            .filter(|root| directory.starts_with(root))
            .max_by_key(|root| root.components().count());
        let mut directories = vec![directory.to_owned()];
        for ancestor in directory.ancestors() {
            directories.push(ancestor.join("ladders"));
            if top.is_some_and(|top| top == ancestor) {
                break;
            }
        }
        directories
    }

    /// The analysis of the file at `path` when its `id` is `id`; the file is
    /// read again only when it changed since last read.
    fn ladder_at(&mut self, path: &Path, id: &str, loader: &Loader) -> Option<Arc<Analysis>> {
        let metadata = std::fs::metadata(path).ok()?;
        if !metadata.is_file() {
            return None;
        }
        let modified = metadata.modified().ok()?;
        let len = metadata.len();
        let unchanged = |read: &Read| read.modified == modified && read.len == len;
        if let Some(read) = self.read.get(path).filter(|read| unchanged(read)) {
            if read.id.as_deref() != Some(id) {
                return None;
            }
            if let Some(analysis) = &read.analysis {
                return Some(Arc::clone(analysis));
            }
        }
        let text = loader
            .read_file(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok());
        let file_id = text
            .as_deref()
            .and_then(|text| top_level_scalar(text, "id"))
            .map(|(id, _)| id);
        let analysis = match (text, file_id.as_deref() == Some(id)) {
            (Some(text), true) => Some(Arc::new(Analysis::ladder_file(text, loader))),
            _ => None,
        };
        self.read.insert(
            path.to_owned(),
            Read {
                modified,
                len,
                id: file_id,
                analysis: analysis.clone(),
            },
        );
        analysis
    }
}

fn is_yaml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "yaml" || extension == "yml")
}

/// The path of a `file:` URI.
pub(crate) fn file_path(uri: &Uri) -> Option<PathBuf> {
    if !uri
        .scheme()
        .is_some_and(|scheme| scheme.as_str().eq_ignore_ascii_case("file"))
    {
        return None;
    }
    let path = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(path.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_beside_the_file_then_in_ladders_directories_up_to_the_root() {
        let files = LadderFiles::new(vec![PathBuf::from("/work/repo")]);
        let directories = files.directories(Path::new("/work/repo/people/ada/ratings.yaml"));
        let expected = [
            "/work/repo/people/ada",
            "/work/repo/people/ada/ladders",
            "/work/repo/people/ladders",
            "/work/repo/ladders",
        ];
        assert_eq!(directories, expected.map(PathBuf::from));
    }

    #[test]
    fn a_file_uri_is_decoded_to_its_path() {
        let uri: Uri = "file:///work/my%20ladders/eng.yaml".parse().unwrap();
        assert_eq!(
            file_path(&uri),
            Some(PathBuf::from("/work/my ladders/eng.yaml"))
        );
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
    }
}
