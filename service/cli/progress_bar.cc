#include "service/cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace sopu::cli {

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r%70s\r", "");
}

void ProgressBar::Draw(double fraction, const std::string& text) {
  if (!enabled_) return;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * kWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.append(static_cast<std::size_t>(kWidth - filled), '.');
  std::fprintf(stderr, "\r[%s] %s", bar.c_str(), text.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace sopu::cli
