#include "change/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;  // NOLINT(readability-redundant-declaration): POSIX leaves it undeclared

namespace blastgraph::analyzer::process {
namespace {

constexpr std::size_t k_max_output = std::size_t{4} << 20U;  // rev-parse prints a line

class Pipe {
 public:
  Pipe() {
    if (::pipe2(m_fds.data(), O_CLOEXEC) != 0) m_fds = {-1, -1};
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  [[nodiscard]] bool ok() const { return m_fds[0] >= 0; }
  [[nodiscard]] int read_end() const { return m_fds[0]; }
  [[nodiscard]] int write_end() const { return m_fds[1]; }
  void close_read() { close_fd(m_fds[0]); }
  void close_write() { close_fd(m_fds[1]); }

 private:
  static void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  std::array<int, 2> m_fds{-1, -1};
};

// Reads both pipes until both close, so neither fills up and blocks the child.
void drain(Pipe& out_pipe, Pipe& err_pipe, Output& output) {
  std::array<pollfd, 2> fds{pollfd{out_pipe.read_end(), POLLIN, 0},
                            pollfd{err_pipe.read_end(), POLLIN, 0}};
  std::array<std::string*, 2> sinks{&output.out, &output.err};
  std::array<char, 8192> buffer{};
  int open = 2;
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const auto n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        if (sinks[i]->size() < k_max_output) sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

}  // namespace

Result<Output> run(const std::vector<std::string>& argv) {
  if (argv.empty()) return Error{"no program to run"};
  Pipe out_pipe;
  Pipe err_pipe;
  if (!out_pipe.ok() || !err_pipe.ok()) return Error{"cannot create a pipe"};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe.write_end(), STDERR_FILENO);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));  // NOLINT
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return Error{"cannot run " + argv[0] + ": " + std::strerror(rc)};
  out_pipe.close_write();
  err_pipe.close_write();
  Output output;
  drain(out_pipe, err_pipe, output);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return output;
}

}  // namespace blastgraph::analyzer::process
