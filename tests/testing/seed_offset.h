// SeedOffset: an offset for the seeds of property tests' random loops, read
// from the environment variable SOPU_TEST_SEED_OFFSET (a decimal number,
// default 0), so that a nightly run can try other instances than the
// everyday run. A test using it prints the seed of a failing case, e.g.
//   for (unsigned k = 0; k < 20; ++k) {
//     const unsigned seed = SeedOffset() + k;
//     SCOPED_TRACE(testing::Message() << "seed " << seed);
//     ...
//   }
// An offset that is not a decimal number aborts the test program: a
// mistyped nightly setting must not quietly test the everyday seeds.
#ifndef SOPU_TESTS_TESTING_SEED_OFFSET_H_
#define SOPU_TESTS_TESTING_SEED_OFFSET_H_

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>

namespace sopu {

inline unsigned SeedOffset() {
  const char* text = std::getenv("SOPU_TEST_SEED_OFFSET");
  if (text == nullptr || *text == '\0') return 0;
  char* end = nullptr;
  errno = 0;
  const unsigned long value = std::strtoul(text, &end, 10);
  if (*end != '\0' || errno != 0 || value > UINT_MAX || *text == '-') {
    std::fprintf(stderr,
                 "SOPU_TEST_SEED_OFFSET: '%s' is not a number in 0..%u\n", text,
                 UINT_MAX);
    std::abort();
  }
  return static_cast<unsigned>(value);
}

}  // namespace sopu

#endif  // SOPU_TESTS_TESTING_SEED_OFFSET_H_
