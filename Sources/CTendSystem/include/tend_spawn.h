#ifndef TEND_SPAWN_H
#define TEND_SPAWN_H

#include <sys/types.h>

/// What to start: everything is resolved by the caller (executable path, environment, user ids), so that the
/// child only carries out system calls. Strings and arrays stay owned by the caller.
struct tend_spawn_request {
    /// The executable to run, an absolute or relative path (no PATH search happens here).
    const char *path;
    /// The argument vector, NULL-terminated; argv[0] included.
    char *const *argv;
    /// The complete environment as NAME=value strings, NULL-terminated.
    char *const *envp;
    /// An open directory to change into, or -1 to keep the daemon's working directory.
    int directory_fd;
    /// The file mode creation mask to set, or -1 to inherit the daemon's.
    int umask;
    /// The descriptors that become the child's 0, 1 and 2.
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    /// Non-zero to switch to uid, gid and the supplementary groups before exec (needs root).
    int switch_user;
    uid_t uid;
    gid_t gid;
    const gid_t *groups;
    int group_count;
};

/// The outcome of a spawn: the child's pid and a pidfd for it, or the errno and the call that failed.
struct tend_spawn_result {
    pid_t pid;
    int pidfd;
    int error;
    /// The failing call's name (a static string), or NULL on success.
    const char *syscall;
};

/// Starts a child in a new process group, with the given stdio, all other descriptors closed and every signal
/// disposition and the signal mask reset, switching the umask, the user and the directory as asked.
///
/// The child is a clone(CLONE_VM | CLONE_VFORK | CLONE_FILES | CLONE_PIDFD) that copies only the daemon's few
/// lowest descriptors into a table of its own (close_range with CLOSE_RANGE_UNSHARE), its stdio having been
/// duplicated into reserved low slots first: the cost of a spawn does not grow with the daemon's open
/// descriptors, as a fork's or posix_spawn's copy and close of the whole table does. Spawns are serialised.
/// Returns 0, or -1 with result->error and result->syscall set; a child that failed before exec has been
/// reaped already.
int tend_spawn(const struct tend_spawn_request *request, struct tend_spawn_result *result);

/// Reserves the spawner's low descriptor slots and its child stack now, while the daemon's descriptor numbers
/// are still small (otherwise the first spawn does it). Returns 0, or -1 with errno.
int tend_spawn_prepare(void);

/// Looks a user up by name, or by numeric id when the text is all digits: its uid, primary gid and the
/// supplementary groups getgrouplist(3) gives (the primary gid included). groups has room for *group_count
/// entries and receives the count. Returns 0; ENOENT for an unknown user; ERANGE when groups is too small
/// (*group_count then holds the size needed); another errno when the lookup itself failed.
int tend_spawn_lookup_user(const char *name, uid_t *uid, gid_t *gid, gid_t *groups, int *group_count);

#endif
