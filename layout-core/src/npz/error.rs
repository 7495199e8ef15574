//! `NpzError`: why a `.npz` archive or one of its members could not be
//! read or written.

use crate::npy::NpyError;
use std::fmt;
use std::path::PathBuf;
use std::string::String;
use std::vec::Vec;

/// Why a `.npz` archive or one of its members could not be read or
/// written.
///
/// `Display` includes the text of the error it wraps (the zip reader's, the
/// member's [`NpyError`], the operating system's), so `source()` returns
/// `None`: chain printers such as anyhow's `{:#}` print each cause once.
#[derive(Debug)]
#[non_exhaustive]
pub enum NpzError {
    /// The archive is not a zip file NumPy would read (no end of central
    /// directory, a bad header, an unsupported compression method, a CRC
    /// that does not match).
    Zip {
        /// The zip reader's or writer's message.
        message: String,
    },
    /// Reading or writing failed in the operating system.
    Io {
        /// What was being done (`"open"`, `"read"`, `"memory-map"`, `"write"`).
        action: &'static str,
        /// The archive's path, when there is one.
        path: Option<PathBuf>,
        /// The underlying error.
        source: std::io::Error,
    },
    /// No member of that name (with or without `.npy`).
    NoSuchMember {
        /// The name asked for.
        name: String,
        /// The keys there are (member names without `.npy`).
        keys: Vec<String>,
    },
    /// A member whose name does not end in `.npy`, or whose bytes are not
    /// a `.npy` file (`np.load` returns such members as raw bytes).
    NotNpy {
        /// The member's name in the archive.
        member: String,
    },
    /// A stored member's bytes lie outside the archive, or its sizes
    /// disagree (a stored member's compressed and plain sizes are equal).
    BadMember {
        /// The member's name in the archive.
        member: String,
        /// Where its data starts in the archive.
        data_start: u64,
        /// Its size in bytes.
        size: u64,
        /// The archive's length in bytes.
        archive_len: usize,
    },
    /// The member is a `.npy` file with a problem (see the wrapped error).
    Npy {
        /// The member's name in the archive.
        member: String,
        /// Why.
        source: NpyError,
    },
    /// Two members would have the same name.
    DuplicateMember {
        /// The repeated name.
        name: String,
    },
}

impl fmt::Display for NpzError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NpzError::Zip { message } => write!(
                f,
                "not a zip archive NumPy can read: {message}; the file is truncated, corrupt or \
                 not a .npz file"
            ),
            NpzError::Io {
                action,
                path: Some(path),
                source,
            } => write!(f, "could not {action} {}: {source}", path.display()),
            NpzError::Io {
                action,
                path: None,
                source,
            } => write!(f, "could not {action} the archive: {source}"),
            NpzError::NoSuchMember { name, keys } => write!(
                f,
                "the archive has no member `{name}`; its keys are [{}]",
                keys.join(", ")
            ),
            NpzError::NotNpy { member } => write!(
                f,
                "member `{member}` is not a .npy file (np.load returns it as raw bytes); read \
                 its bytes with a zip reader"
            ),
            NpzError::BadMember {
                member,
                data_start,
                size,
                archive_len,
            } => write!(
                f,
                "member `{member}` claims {size} bytes from byte {data_start}, but the archive \
                 has {archive_len} bytes (or its sizes disagree); the archive is corrupt"
            ),
            NpzError::Npy { member, source } => write!(f, "member `{member}`: {source}"),
            NpzError::DuplicateMember { name } => write!(
                f,
                "the archive already has a member `{name}`; keys must be unique"
            ),
        }
    }
}

impl std::error::Error for NpzError {}

impl NpzError {
    pub(crate) fn zip(error: zip::result::ZipError) -> NpzError {
        NpzError::Zip {
            message: std::format!("{error}"),
        }
    }
}
