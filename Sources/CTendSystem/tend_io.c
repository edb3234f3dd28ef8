#define _GNU_SOURCE
#include "tend_io.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

int tend_io_pipe(int fds[2]) {
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    int flags = fcntl(fds[0], F_GETFL);
    if (flags < 0 || fcntl(fds[0], F_SETFL, flags | O_NONBLOCK) != 0) {
        int saved = errno;
        close(fds[0]);
        close(fds[1]);
        errno = saved;
        return -1;
    }
    return 0;
}

int tend_io_set_pipe_size(int fd, int bytes) {
    return fcntl(fd, F_SETPIPE_SZ, bytes);
}

int tend_io_pipe_size(int fd) {
    return fcntl(fd, F_GETPIPE_SZ);
}

int tend_io_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int tend_io_epoll_add(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event = { .events = events, .data.u64 = token };
    return epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &event);
}

int tend_io_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event = { .events = events, .data.u64 = token };
    return epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &event);
}

int tend_io_epoll_remove(int epfd, int fd) {
    return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
}

int tend_io_epoll_wait(int epfd, uint64_t *tokens, uint32_t *readiness, int capacity, int timeout_ms) {
    enum { batch = 64 };
    struct epoll_event events[batch];
    if (capacity > batch) capacity = batch;
    int ready;
    do {
        ready = epoll_wait(epfd, events, capacity, timeout_ms);
    } while (ready < 0 && errno == EINTR);
    for (int i = 0; i < ready; i++) {
        tokens[i] = events[i].data.u64;
        if (readiness != NULL) readiness[i] = events[i].events;
    }
    return ready;
}

int tend_io_eventfd_create(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int tend_io_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t written;
    do {
        written = write(fd, &one, sizeof one);
    } while (written < 0 && errno == EINTR);
    if (written < 0 && errno == EAGAIN) return 0;
    return written < 0 ? -1 : 0;
}

int tend_io_eventfd_drain(int fd) {
    uint64_t count;
    ssize_t got;
    do {
        got = read(fd, &count, sizeof count);
    } while (got < 0 && errno == EINTR);
    if (got < 0 && errno == EAGAIN) return 0;
    return got < 0 ? -1 : 0;
}

int tend_io_dup_cloexec(int fd) {
    return fcntl(fd, F_DUPFD_CLOEXEC, 3);
}

int tend_io_set_flags(int fd, int nonblocking, int append) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    flags = nonblocking ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    if (append) flags |= O_APPEND;
    return fcntl(fd, F_SETFL, flags);
}

int tend_io_thread_id(void) {
    return (int) gettid();
}

int tend_io_block_signals(void) {
    sigset_t all;
    sigfillset(&all);
    int failed = pthread_sigmask(SIG_BLOCK, &all, NULL);
    if (failed) {
        errno = failed;
        return -1;
    }
    return 0;
}
