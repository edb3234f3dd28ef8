#define _GNU_SOURCE
#include "tend_process.h"

#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/pidfd.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static volatile sig_atomic_t sigchld_eventfd = -1;

static void on_sigchld(int sig) {
    (void)sig;
    int saved = errno;
    uint64_t one = 1;
    if (sigchld_eventfd >= 0) {
        ssize_t ignored = write(sigchld_eventfd, &one, sizeof one);
        (void)ignored;
    }
    errno = saved;
}

int tend_process_become_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}

void tend_process_name_thread(const char *name) {
    prctl(PR_SET_NAME, name, 0, 0, 0);
}

int tend_process_release_free_memory(void) {
    return malloc_trim(0);
}

int tend_process_use_one_malloc_arena(void) {
    return mallopt(M_ARENA_MAX, 1) == 1 ? 0 : -1;
}

int tend_process_install_sigchld_wakeup(int eventfd) {
    sigchld_eventfd = eventfd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigchld;
    action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGCHLD, &action, NULL);
}

int tend_process_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

void tend_process_eventfd_signal(int eventfd) {
    uint64_t one = 1;
    ssize_t ignored = write(eventfd, &one, sizeof one);
    (void)ignored;
}

void tend_process_eventfd_drain(int eventfd) {
    uint64_t count;
    ssize_t ignored = read(eventfd, &count, sizeof count);
    (void)ignored;
}

int tend_process_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int tend_process_epoll_watch(int epoll_fd, int fd) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = EPOLLIN;
    event.data.fd = fd;
    return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &event);
}

int tend_process_epoll_unwatch(int epoll_fd, int fd) {
    return epoll_ctl(epoll_fd, EPOLL_CTL_DEL, fd, NULL);
}

int tend_process_epoll_wait(int epoll_fd, int *ready, int capacity, int timeout_ms) {
    struct epoll_event events[64];
    if (capacity > 64) capacity = 64;
    int count;
    do {
        count = epoll_wait(epoll_fd, events, capacity, timeout_ms);
    } while (count < 0 && errno == EINTR);
    for (int i = 0; i < count; i++) ready[i] = events[i].data.fd;
    return count;
}

static int reap(idtype_t type, id_t id, struct tend_process_exit *exit, int options) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int result;
    do {
        result = waitid(type, id, &info, WEXITED | options);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return -1;
    if (info.si_pid == 0) return 0;
    exit->pid = info.si_pid;
    exit->code = info.si_code == CLD_EXITED ? info.si_status : 0;
    exit->signal = info.si_code == CLD_EXITED ? 0 : info.si_status;
    exit->core_dumped = info.si_code == CLD_DUMPED;
    return 1;
}

int tend_process_reap_pidfd(int pidfd, struct tend_process_exit *exit) {
    return reap((idtype_t)P_PIDFD, (id_t)pidfd, exit, WNOHANG);
}

int tend_process_wait_pidfd(int pidfd, struct tend_process_exit *exit) {
    return reap((idtype_t)P_PIDFD, (id_t)pidfd, exit, 0);
}

int tend_process_reap_pid(pid_t pid, struct tend_process_exit *exit) {
    return reap(P_PID, (id_t)pid, exit, WNOHANG);
}

int tend_process_peek_exited(pid_t *pid) {
    siginfo_t info;
    memset(&info, 0, sizeof info);
    int result;
    do {
        result = waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT);
    } while (result < 0 && errno == EINTR);
    if (result < 0) return errno == ECHILD ? 0 : -1;
    if (info.si_pid == 0) return 0;
    *pid = info.si_pid;
    return 1;
}

int tend_process_pidfd_open(pid_t pid) {
    return pidfd_open(pid, 0);
}

int tend_process_pidfd_signal(int pidfd, int sig) {
    return pidfd_send_signal(pidfd, sig, NULL, 0);
}

int tend_process_raise_nofile_limit(uint64_t *previous_soft, uint64_t *soft, uint64_t *hard) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
    *previous_soft = limit.rlim_cur;
    *hard = limit.rlim_max;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) return -1;
    }
    *soft = limit.rlim_cur;
    return 0;
}

char *const *tend_process_environment(void) {
    return environ;
}
