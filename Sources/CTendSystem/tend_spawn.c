#define _GNU_SOURCE
#include "tend_spawn.h"
#include "tend_process.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <pthread.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif
#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x00001000
#endif
#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#endif

/// The stack the child runs on until execve: it shares the daemon's memory (CLONE_VM) and the parent thread
/// is suspended meanwhile (CLONE_VFORK), so one stack serves every spawn, one at a time.
enum { CHILD_STACK_SIZE = 64 * 1024 };

/// The slots: low descriptors kept open for the life of the daemon. Before each spawn the child's stdin,
/// stdout, stderr and working directory are duplicated into them; the child unshares its descriptor table
/// keeping only the descriptors below `keep_below` (slots included), so a spawn costs the same whether the
/// daemon holds ten descriptors or ten thousand. After each spawn they point at /dev/null again, so the
/// daemon never keeps a pipe's write end open by accident.
enum { SLOT_STDIN, SLOT_STDOUT, SLOT_STDERR, SLOT_DIRECTORY, SLOT_COUNT };

static struct {
    pthread_mutex_t lock;
    int prepared;
    int slots[SLOT_COUNT];
    int placeholder;
    int keep_below;
    char *stack;
} spawner = {.lock = PTHREAD_MUTEX_INITIALIZER};

static int fail(struct tend_spawn_result *result, int error, const char *syscall) {
    result->pid = -1;
    result->pidfd = -1;
    result->error = error;
    result->syscall = syscall;
    return -1;
}

/// A close-on-exec descriptor on /dev/null numbered 3 or above, or -1 with errno.
static int open_placeholder(void) {
    int opened = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (opened < 0 || opened >= 3) return opened;
    int moved = fcntl(opened, F_DUPFD_CLOEXEC, 3);
    int error = errno;
    close(opened);
    errno = error;
    return moved;
}

/// Opens the slots and maps the stack, once. Called with spawner.lock held; returns 0 or an errno with
/// *failed_call set.
static int prepare_locked(const char **failed_call) {
    if (spawner.prepared) return 0;
    *failed_call = "open";
    spawner.placeholder = open_placeholder();
    if (spawner.placeholder < 0) return errno;
    int highest = spawner.placeholder;
    for (int slot = 0; slot < SLOT_COUNT; slot++) {
        spawner.slots[slot] = fcntl(spawner.placeholder, F_DUPFD_CLOEXEC, 3);
        if (spawner.slots[slot] < 0) {
            int error = errno;
            for (int opened = 0; opened < slot; opened++) close(spawner.slots[opened]);
            close(spawner.placeholder);
            *failed_call = "fcntl";
            return error;
        }
        if (spawner.slots[slot] > highest) highest = spawner.slots[slot];
    }
    void *stack = mmap(NULL, CHILD_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        int error = errno;
        for (int slot = 0; slot < SLOT_COUNT; slot++) close(spawner.slots[slot]);
        close(spawner.placeholder);
        *failed_call = "mmap";
        return error;
    }
    spawner.stack = stack;
    spawner.keep_below = highest + 1;
    spawner.prepared = 1;
    return 0;
}

int tend_spawn_prepare(void) {
    const char *failed_call = NULL;
    pthread_mutex_lock(&spawner.lock);
    int error = prepare_locked(&failed_call);
    pthread_mutex_unlock(&spawner.lock);
    if (error != 0) errno = error;
    return error == 0 ? 0 : -1;
}

/// Where the child records why it could not exec; it shares the parent's memory until exec or _exit.
struct child_failure {
    int error;
    const char *syscall;
};

/// What the child needs, all in the parent's memory.
struct child_context {
    const struct tend_spawn_request *request;
    volatile struct child_failure *failure;
};

/// The kernel's struct sigaction (x86-64 and arm64 layout), for resetting every signal with the raw system call:
/// glibc's sigaction refuses its internal signals 32 and 33.
struct kernel_sigaction {
    void (*handler)(int);
    unsigned long flags;
    void (*restorer)(void);
    unsigned long mask;
};

/// Runs in the child, on the spawner's stack, in the daemon's memory: only plain system calls, the
/// credential changes as raw syscalls (glibc's wrappers would try to broadcast them to the parent's threads).
/// Every signal is blocked until the dispositions are reset, so no handler of the daemon ever runs here.
static int run_child(void *argument) {
    const struct child_context *context = argument;
    const struct tend_spawn_request *request = context->request;
    struct kernel_sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.handler = SIG_DFL;
    for (int sig = 1; sig < _NSIG; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        syscall(SYS_rt_sigaction, sig, &default_action, NULL, sizeof default_action.mask);
    }
    // The descriptor table is still the daemon's (CLONE_FILES): take a private copy of only the low
    // descriptors, slots included, before changing anything in it.
    const char *step = "close_range";
    if (close_range((unsigned)spawner.keep_below, ~0U, CLOSE_RANGE_UNSHARE) != 0) goto failed;
    step = "setpgid";
    if (setpgid(0, 0) != 0) goto failed;
    step = "dup2";
    for (int target = 0; target < 3; target++) {
        if (dup2(spawner.slots[SLOT_STDIN + target], target) < 0) goto failed;
    }
    step = "fchdir";
    if (request->directory_fd >= 0 && fchdir(spawner.slots[SLOT_DIRECTORY]) != 0) goto failed;
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
    if (syscall(SYS_rt_sigprocmask, SIG_SETMASK, &empty, NULL, _NSIG / 8) != 0) goto failed;
    step = "execve";
    execve(request->path, request->argv, request->envp);
failed:
    context->failure->error = errno;
    context->failure->syscall = step;
    _exit(127);
}

/// Points the slots at the request's descriptors. Returns 0 or an errno.
static int fill_slots(const struct tend_spawn_request *request) {
    int sources[SLOT_COUNT] = {request->stdin_fd, request->stdout_fd, request->stderr_fd, request->directory_fd};
    for (int slot = 0; slot < SLOT_COUNT; slot++) {
        int source = sources[slot] >= 0 ? sources[slot] : spawner.placeholder;
        if (source == spawner.slots[slot]) continue;
        if (dup3(source, spawner.slots[slot], O_CLOEXEC) < 0) return errno;
    }
    return 0;
}

/// Points every slot at /dev/null again, releasing the last child's pipes and directory.
static void clear_slots(void) {
    for (int slot = 0; slot < SLOT_COUNT; slot++) dup3(spawner.placeholder, spawner.slots[slot], O_CLOEXEC);
}

/// clone(CLONE_VM | CLONE_VFORK | CLONE_FILES | CLONE_PIDFD): the parent thread resumes once the child has
/// exec'd or failed; the pidfd comes with the child, so it can never name a reused pid.
static int spawn_locked(const struct tend_spawn_request *request, pid_t *pid, int *pidfd, const char **failed_call) {
    int error = prepare_locked(failed_call);
    if (error != 0) return error;
    if ((error = fill_slots(request)) != 0) {
        clear_slots();
        *failed_call = "dup3";
        return error;
    }
    volatile struct child_failure failure = {0, NULL};
    struct child_context context = {request, &failure};
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int flags = CLONE_VM | CLONE_VFORK | CLONE_FILES | CLONE_PIDFD | SIGCHLD;
    *pidfd = -1;
    pid_t child = clone(run_child, spawner.stack + CHILD_STACK_SIZE, flags, &context, pidfd);
    int clone_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    clear_slots();
    if (child < 0) {
        *failed_call = "clone";
        return clone_error;
    }
    if (failure.error != 0) {
        siginfo_t ignored;
        while (waitid(P_PIDFD, (id_t)*pidfd, &ignored, WEXITED) < 0 && errno == EINTR) {}
        close(*pidfd);
        *failed_call = failure.syscall;
        return failure.error;
    }
    *pid = child;
    return 0;
}

int tend_spawn(const struct tend_spawn_request *request, struct tend_spawn_result *result) {
    pid_t pid = -1;
    int pidfd = -1;
    const char *failed_call = NULL;
    pthread_mutex_lock(&spawner.lock);
    int error = spawn_locked(request, &pid, &pidfd, &failed_call);
    pthread_mutex_unlock(&spawner.lock);
    if (error != 0) return fail(result, error, failed_call);
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
