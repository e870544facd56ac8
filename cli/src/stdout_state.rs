//! Whether standard output was closed when the process started (`vntext … >&-`).
//!
//! Before `main`, Rust's runtime opens `/dev/null` on any of the standard descriptors that is
//! closed, so a closed stdout would swallow every report and the command would exit 0. A
//! constructor that runs before that (`ctor`, in the executable's init array) looks at the
//! descriptor first and records what it saw.

use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
#[allow(unsafe_code)]
#[ctor::ctor]
unsafe fn look_at_stdout() {
    // SAFETY: `fcntl(F_GETFD)` on a descriptor number only reads the descriptor table; it
    // fails with EBADF when the descriptor is closed and touches nothing else.
    let flags = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) };
    CLOSED.store(flags == -1, Ordering::Relaxed);
}

/// Whether stdout was closed when the process started.
pub fn was_closed() -> bool {
    CLOSED.load(Ordering::Relaxed)
}
