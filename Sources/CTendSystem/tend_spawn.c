#define _GNU_SOURCE
#include "tend_spawn.h"
#include "tend_process.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int fail(struct tend_spawn_result *result, int error, const char *syscall) {
    result->pid = -1;
    result->pidfd = -1;
    result->error = error;
    result->syscall = syscall;
    return -1;
}

/// posix_spawn: the fast path, for a child that keeps the daemon's user and umask.
static int spawn_posix(const struct tend_spawn_request *request, const int stdio[3], pid_t *pid,
                       const char **failed_call) {
    posix_spawnattr_t attributes;
    posix_spawn_file_actions_t actions;
    sigset_t empty, all;
    sigemptyset(&empty);
    sigfillset(&all);

    int error = posix_spawnattr_init(&attributes);
    if (error != 0) { *failed_call = "posix_spawnattr_init"; return error; }
    error = posix_spawn_file_actions_init(&actions);
    if (error != 0) {
        posix_spawnattr_destroy(&attributes);
        *failed_call = "posix_spawn_file_actions_init";
        return error;
    }
    *failed_call = "posix_spawnattr_set";
    short flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if ((error = posix_spawnattr_setflags(&attributes, flags)) != 0) goto done;
    if ((error = posix_spawnattr_setpgroup(&attributes, 0)) != 0) goto done;
    if ((error = posix_spawnattr_setsigmask(&attributes, &empty)) != 0) goto done;
    if ((error = posix_spawnattr_setsigdefault(&attributes, &all)) != 0) goto done;

    *failed_call = "posix_spawn_file_actions_add";
    for (int target = 0; target < 3; target++) {
        if ((error = posix_spawn_file_actions_adddup2(&actions, stdio[target], target)) != 0) goto done;
    }
    if (request->directory_fd >= 0) {
        if ((error = posix_spawn_file_actions_addfchdir_np(&actions, request->directory_fd)) != 0) goto done;
    }
    if ((error = posix_spawn_file_actions_addclosefrom_np(&actions, 3)) != 0) goto done;

    *failed_call = "posix_spawn";
    error = posix_spawn(pid, request->path, &actions, &attributes, request->argv, request->envp);
done:
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return error;
}

/// Where the vfork child records why it could not exec; it shares the parent's memory until exec or _exit.
struct child_failure {
    int error;
    const char *syscall;
};

/// The kernel's struct sigaction (x86-64 and arm64 layout), for resetting every signal with the raw system call:
/// glibc's sigaction refuses its internal signals 32 and 33, and posix_spawn leaves them ignored after exec.
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

/// Runs in the vfork child: only plain system calls, the credential changes as raw syscalls (glibc's wrappers
/// would try to broadcast them to the parent's threads, whose memory this child shares).
__attribute__((noreturn, noinline))
static void run_child(const struct tend_spawn_request *request, const int stdio[3],
                      volatile struct child_failure *failure) {
    struct kernel_sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.handler = SIG_DFL;
    for (int sig = 1; sig < _NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        syscall(SYS_rt_sigaction, sig, &default_action, NULL, sizeof default_action.mask);
    }
    const char *step = "setpgid";
    if (setpgid(0, 0) != 0) goto failed;
    step = "dup2";
    for (int target = 0; target < 3; target++) {
        if (stdio[target] == target) {
            if (fcntl(target, F_SETFD, 0) != 0) goto failed;
        } else if (dup2(stdio[target], target) < 0) {
            goto failed;
        }
    }
    step = "fchdir";
    if (request->directory_fd >= 0 && fchdir(request->directory_fd) != 0) goto failed;
    if (request->umask >= 0) umask((mode_t)request->umask);
    if (request->switch_user) {
        step = "setgroups";
        if (syscall(SYS_setgroups, (size_t)request->group_count, request->groups) != 0) goto failed;
        step = "setresgid";
        if (syscall(SYS_setresgid, request->gid, request->gid, request->gid) != 0) goto failed;
        step = "setresuid";
        if (syscall(SYS_setresuid, request->uid, request->uid, request->uid) != 0) goto failed;
    }
    step = "close_range";
    if (close_range(3, ~0U, 0) != 0) goto failed;
    sigset_t empty;
    sigemptyset(&empty);
    step = "sigprocmask";
    if (sigprocmask(SIG_SETMASK, &empty, NULL) != 0) goto failed;
    step = "execve";
    execve(request->path, request->argv, request->envp);
failed:
    failure->error = errno;
    failure->syscall = step;
    _exit(127);
}

/// vfork + exec: the path for a umask or a user switch. All signals stay blocked in this thread until the child
/// has reset its dispositions, so no handler of the daemon ever runs in the child.
static int spawn_vfork(const struct tend_spawn_request *request, const int stdio[3], pid_t *pid,
                       const char **failed_call) {
    volatile struct child_failure failure = {0, NULL};
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t child = vfork();
    if (child == 0) run_child(request, stdio, &failure);
    int vfork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    if (child < 0) {
        *failed_call = "vfork";
        return vfork_error;
    }
    if (failure.error != 0) {
        while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {}
        *failed_call = failure.syscall;
        return failure.error;
    }
    *pid = child;
    return 0;
}

int tend_spawn(const struct tend_spawn_request *request, struct tend_spawn_result *result) {
    // A source descriptor below 3 could be overwritten by an earlier dup2 onto 0..2: move it out of the way.
    int sources[3] = {request->stdin_fd, request->stdout_fd, request->stderr_fd};
    int stdio[3], moved[3] = {-1, -1, -1};
    for (int target = 0; target < 3; target++) {
        stdio[target] = sources[target];
        if (sources[target] < 3 && sources[target] != target) {
            moved[target] = fcntl(sources[target], F_DUPFD_CLOEXEC, 3);
            if (moved[target] < 0) {
                int error = errno;
                for (int i = 0; i < target; i++) if (moved[i] >= 0) close(moved[i]);
                return fail(result, error, "fcntl");
            }
            stdio[target] = moved[target];
        }
    }

    pid_t pid = -1;
    const char *failed_call = NULL;
    int error = (request->switch_user || request->umask >= 0)
        ? spawn_vfork(request, stdio, &pid, &failed_call)
        : spawn_posix(request, stdio, &pid, &failed_call);
    for (int target = 0; target < 3; target++) if (moved[target] >= 0) close(moved[target]);
    if (error != 0) return fail(result, error, failed_call);

    int pidfd = tend_process_pidfd_open(pid);
    if (pidfd < 0) {
        // Without a pidfd the child cannot be watched: end it rather than leave it unsupervised.
        error = errno;
        kill(pid, SIGKILL);
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        return fail(result, error, "pidfd_open");
    }
    result->pid = pid;
    result->pidfd = pidfd;
    result->error = 0;
    result->syscall = NULL;
    return 0;
}

static int all_digits(const char *text) {
    if (*text == '\0') return 0;
    for (; *text; text++) if (*text < '0' || *text > '9') return 0;
    return 1;
}

int tend_spawn_lookup_user(const char *name, uid_t *uid, gid_t *gid, gid_t *groups, int *group_count) {
    struct passwd entry, *found = NULL;
    size_t size = 4096;
    char *buffer = NULL;
    int error;
    for (;;) {
        char *larger = realloc(buffer, size);
        if (larger == NULL) { free(buffer); return ENOMEM; }
        buffer = larger;
        error = all_digits(name)
            ? getpwuid_r((uid_t)strtoul(name, NULL, 10), &entry, buffer, size, &found)
            : getpwnam_r(name, &entry, buffer, size, &found);
        if (error != ERANGE || size >= (1 << 20)) break;
        size *= 2;
    }
    if (error == 0 && found == NULL) error = ENOENT;
    if (error != 0) {
        free(buffer);
        return error;
    }
    *uid = entry.pw_uid;
    *gid = entry.pw_gid;
    int capacity = *group_count;
    int listed = getgrouplist(entry.pw_name, entry.pw_gid, groups, group_count);
    free(buffer);
    if (listed < 0 && *group_count > capacity) return ERANGE;
    if (listed < 0) return EINVAL;
    return 0;
}
