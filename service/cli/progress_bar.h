// ProgressBar draws "[#####.....] <text>" on standard error, in place, when
// standard error is a terminal (and never otherwise, so that logs and pipes
// stay clean); the line is cleared when the bar goes away.
#ifndef SOPU_SERVICE_CLI_PROGRESS_BAR_H_
#define SOPU_SERVICE_CLI_PROGRESS_BAR_H_

#include <string>

namespace sopu::cli {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  [[nodiscard]] bool enabled() const { return enabled_; }
  // Draw: `fraction` in 0..1 (clamped) fills the bar; `text` follows it.
  void Draw(double fraction, const std::string& text);

 private:
  bool enabled_;
  bool drawn_ = false;
};

}  // namespace sopu::cli

#endif  // SOPU_SERVICE_CLI_PROGRESS_BAR_H_
