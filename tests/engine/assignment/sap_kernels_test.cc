#include "engine/assignment/sap_kernels.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace sopu::assignment_internal {
namespace {

// Lengths around the kernels' block sizes (8, 16, 32) and beyond.
constexpr int kLengths[] = {0,  1,  2,  7,  8,  9,   15,
                            16, 17, 31, 32, 33, 100, 1000};

template <typename S>
std::vector<S> RandomCosts(int n, int lo, int hi, double forbid,
                           std::mt19937_64& rng) {
  std::uniform_int_distribution<int> value(lo, hi);
  std::bernoulli_distribution forbidden(forbid);
  std::vector<S> c(static_cast<std::size_t>(n));
  for (S& x : c) {
    x = forbidden(rng) ? SapTraits<S>::kStoredForbidden
                       : static_cast<S>(value(rng));
  }
  return c;
}

// RelaxReference: RelaxRow's scalar definition.
template <typename S, typename V>
void RelaxReference(const std::vector<S>& c, std::vector<V>& dv,
                    std::vector<std::int32_t>& pred, V h, std::int32_t row) {
  for (std::size_t j = 0; j < c.size(); ++j) {
    const V r = h + SapTraits<S>::Widen(c[j]);
    if (r < dv[j]) {
      dv[j] = r;
      pred[j] = row;
    }
  }
}

// RelaxCase: relaxes a few rows into one search state, both ways, starting
// from unset, settled and already reached columns.
template <typename S>
void RelaxCase(int n, double forbid, std::mt19937_64& rng) {
  using V = typename SapTraits<S>::Value;
  std::uniform_int_distribution<int> pick(0, 3);
  std::uniform_int_distribution<int> small(-2000, 2000);
  std::vector<V> dv(static_cast<std::size_t>(n));
  std::vector<std::int32_t> pred(static_cast<std::size_t>(n), -1);
  for (V& x : dv) {
    const int kind = pick(rng);
    x = kind == 0   ? SapTraits<S>::kUnset
        : kind == 1 ? SapTraits<S>::kSettledDv
                    : static_cast<V>(small(rng));
  }
  std::vector<V> want_dv = dv;
  std::vector<std::int32_t> want_pred = pred;
  const std::vector<S> next = RandomCosts<S>(n, -1000, 1000, forbid, rng);
  for (std::int32_t row = 0; row < 4; ++row) {
    const std::vector<S> c = RandomCosts<S>(n, -1000, 1000, forbid, rng);
    const auto h = static_cast<V>(small(rng));
    RelaxReference(c, want_dv, want_pred, h, row);
    RelaxRow(c.data(), dv.data(), pred.data(), n, h, row,
             row % 2 == 0 ? next.data() : nullptr, forbid > 0.0);
    ASSERT_EQ(dv, want_dv) << "n " << n << " row " << row;
    ASSERT_EQ(pred, want_pred) << "n " << n << " row " << row;
  }
}

TEST(SapKernelsTest, RelaxRowEqualsScalarDefinition) {
  std::mt19937_64 rng(1);
  for (const int n : kLengths) {
    RelaxCase<std::int16_t>(n, 0.0, rng);
    RelaxCase<std::int16_t>(n, 0.2, rng);
    RelaxCase<std::int32_t>(n, 0.0, rng);
    RelaxCase<std::int32_t>(n, 0.2, rng);
    RelaxCase<double>(n, 0.0, rng);
    RelaxCase<double>(n, 0.2, rng);
  }
}

TEST(SapKernelsTest, RelaxRowNeverImprovesASettledColumn) {
  // The smallest h + c the integer storages can see is far above
  // kSettledDv.
  const std::vector<std::int16_t> c = {-32766, 0, 32766, 32767};
  std::vector<std::int32_t> dv(4, SapIntTraits::kSettledDv);
  std::vector<std::int32_t> pred(4, -1);
  RelaxRow(c.data(), dv.data(), pred.data(), 4, -(1 << 25), 0, nullptr, true);
  EXPECT_EQ(dv, std::vector<std::int32_t>(4, SapIntTraits::kSettledDv));
  EXPECT_EQ(pred, std::vector<std::int32_t>(4, -1));
}

// TwoMinReference: TwoMin's definition, by brute force.
template <typename S, typename V = typename SapTraits<S>::Value>
TwoMinResult<V> TwoMinReference(const std::vector<S>& c,
                                const std::vector<V>& v) {
  TwoMinResult<V> r{SapTraits<S>::kUnset, -1, SapTraits<S>::kUnset, -1};
  const int n = static_cast<int>(c.size());
  auto x = [&](int j) {
    return SapTraits<S>::Widen(c[static_cast<std::size_t>(j)]) -
           v[static_cast<std::size_t>(j)];
  };
  for (int j = 0; j < n; ++j) {
    if (r.j1 < 0 || x(j) < r.m1) {
      r.m1 = x(j);
      r.j1 = j;
    }
  }
  for (int j = 0; j < n; ++j) {
    if (j != r.j1 && (r.j2 < 0 || x(j) < r.m2)) {
      r.m2 = x(j);
      r.j2 = j;
    }
  }
  return r;
}

template <typename S>
void TwoMinCase(int n, int spread, std::mt19937_64& rng) {
  using V = typename SapTraits<S>::Value;
  // Few distinct values: many ties, within and across lanes.
  const std::vector<S> c = RandomCosts<S>(n, 0, spread, 0.0, rng);
  std::uniform_int_distribution<int> shift(0, spread);
  std::vector<V> v(static_cast<std::size_t>(n));
  for (V& x : v) x = static_cast<V>(shift(rng));
  const TwoMinResult<V> got = TwoMin(c.data(), v.data(), n);
  const TwoMinResult<V> want = TwoMinReference(c, v);
  EXPECT_EQ(got.m1, want.m1) << "n " << n;
  EXPECT_EQ(got.j1, want.j1) << "n " << n;
  EXPECT_EQ(got.m2, want.m2) << "n " << n;
  EXPECT_EQ(got.j2, want.j2) << "n " << n;
}

TEST(SapKernelsTest, TwoMinEqualsDefinitionWithTies) {
  std::mt19937_64 rng(2);
  for (int n = 2; n <= 70; ++n) {
    for (const int spread : {1, 3, 1000}) {
      TwoMinCase<std::int16_t>(n, spread, rng);
      TwoMinCase<std::int32_t>(n, spread, rng);
      TwoMinCase<double>(n, spread, rng);
    }
  }
}

// NearestReference: NearestColumns' definition.
template <typename V>
V NearestReference(const std::vector<V>& dv, const std::vector<V>& vm,
                   std::vector<int>* at) {
  V m = SapTraits<V>::kUnset;
  for (std::size_t j = 0; j < dv.size(); ++j) m = std::min(m, dv[j] - vm[j]);
  at->clear();
  for (std::size_t j = 0; j < dv.size(); ++j) {
    if (dv[j] - vm[j] == m) at->push_back(static_cast<int>(j));
  }
  return m;
}

TEST(SapKernelsTest, NearestColumnsEqualsDefinition) {
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<int> pick(0, 3);
  std::uniform_int_distribution<int> small(-20, 20);
  for (const int n : kLengths) {
    for (int t = 0; t < 20; ++t) {
      // Settled, unset and reached columns; few distinct distances, and
      // the minimum sometimes late (a restarted list).
      std::vector<std::int32_t> dv(static_cast<std::size_t>(n));
      std::vector<std::int32_t> vm(static_cast<std::size_t>(n));
      for (std::size_t j = 0; j < dv.size(); ++j) {
        const int kind = pick(rng);
        dv[j] = kind == 0   ? SapIntTraits::kUnset
                : kind == 1 ? SapIntTraits::kSettledDv
                            : small(rng);
        vm[j] = kind == 1 ? SapIntTraits::kSettledV : small(rng);
      }
      if (t % 4 == 0 && n > 0) dv.back() = -100;
      std::vector<int> got = {7};
      std::vector<int> want;
      EXPECT_EQ(NearestColumns(dv.data(), vm.data(), n, &got),
                NearestReference(dv, vm, &want));
      EXPECT_EQ(got, want) << "n " << n;

      std::vector<double> ddv(dv.begin(), dv.end());
      std::vector<double> dvm(vm.begin(), vm.end());
      for (std::size_t j = 0; j < dv.size(); ++j) {
        if (dv[j] == SapIntTraits::kSettledDv) {
          ddv[j] = SapTraits<double>::kSettledDv;
          dvm[j] = SapTraits<double>::kSettledV;
        } else if (dv[j] == SapIntTraits::kUnset) {
          ddv[j] = SapTraits<double>::kUnset;
        }
      }
      EXPECT_EQ(NearestColumns(ddv.data(), dvm.data(), n, &got),
                NearestReference(ddv, dvm, &want));
      EXPECT_EQ(got, want) << "n " << n;
    }
  }
}

TEST(SapKernelsTest, SettledColumnsAreAtDistanceSettled) {
  std::vector<int> at;
  const std::vector<std::int32_t> dv = {SapIntTraits::kSettledDv};
  const std::vector<std::int32_t> vm = {SapIntTraits::kSettledV};
  EXPECT_EQ(NearestColumns(dv.data(), vm.data(), 1, &at),
            SapIntTraits::kSettled);
  const std::vector<double> ddv = {SapTraits<double>::kSettledDv};
  const std::vector<double> dvm = {SapTraits<double>::kSettledV};
  EXPECT_EQ(NearestColumns(ddv.data(), dvm.data(), 1, &at),
            SapTraits<double>::kSettled);
  EXPECT_EQ(NearestColumns(dv.data(), vm.data(), 0, &at), SapIntTraits::kUnset);
  EXPECT_TRUE(at.empty());
}

TEST(SapKernelsTest, RowScansWidenForbiddenEntries) {
  using T = SapTraits<std::int16_t>;
  const std::vector<std::int16_t> c = {T::kStoredForbidden, -5, 32766,
                                       T::kStoredForbidden};
  const std::vector<std::int32_t> v = {0, 10, 0, -(1 << 20)};
  EXPECT_EQ(RowMin(c.data(), 4), -5);
  EXPECT_EQ(RowMin(c.data(), 1), SapIntTraits::kForbidden);
  EXPECT_EQ(ReducedMin(c.data(), v.data(), 0, 4), -15);
  EXPECT_EQ(ReducedMin(c.data(), v.data(), 2, 4), 32766);
  std::vector<std::int32_t> colmin(4, SapIntTraits::kUnset);
  std::vector<std::int32_t> arg(4, -1);
  ColumnMinUpdate(c.data(), colmin.data(), arg.data(), 4, 3);
  EXPECT_EQ(colmin,
            (std::vector<std::int32_t>{SapIntTraits::kForbidden, -5, 32766,
                                       SapIntTraits::kForbidden}));
  EXPECT_EQ(arg, (std::vector<std::int32_t>{3, 3, 3, 3}));
}

TEST(SapKernelsTest, ScanNegateConvertsFittingIntegers) {
  const std::vector<double> s = {0.0, -0.0, 17.0, -32766.0, 32766.0, 5.0};
  std::vector<std::int16_t> c(s.size(), 1);
  NegatedScan scan;
  ScanNegate(s.data(), c.data(), static_cast<int>(s.size()), &scan);
  EXPECT_TRUE(scan.fits);
  EXPECT_TRUE(scan.integral);
  EXPECT_EQ(c, (std::vector<std::int16_t>{0, 0, -17, 32766, -32766, -5}));
  EXPECT_EQ(scan.cmin, -32766);
  EXPECT_EQ(scan.cmax, 32766);

  // A second row folds into the same scan; min and max include 0.
  const std::vector<double> more = {3.0, 4.0};
  NegatedScan positive;
  ScanNegate(more.data(), c.data(), 2, &positive);
  EXPECT_EQ(positive.cmin, -4);
  EXPECT_EQ(positive.cmax, 0);
}

TEST(SapKernelsTest, ScanNegateFlagsWhatDoesNotFit) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const double bad : {32767.0, -32767.0, 1e20, inf, -inf, nan}) {
    // Long enough for the vectorised loop, with the bad entry in the middle.
    std::vector<double> s(40, 1.0);
    s[21] = bad;
    std::vector<std::int16_t> c(s.size());
    NegatedScan scan;
    ScanNegate(s.data(), c.data(), static_cast<int>(s.size()), &scan);
    EXPECT_FALSE(scan.fits) << bad;
    EXPECT_EQ(c[20], -1);
    EXPECT_EQ(c[21], 0);
  }
  std::vector<double> s(40, 2.0);
  s[33] = 2.5;
  std::vector<std::int16_t> c(s.size());
  NegatedScan scan;
  ScanNegate(s.data(), c.data(), static_cast<int>(s.size()), &scan);
  EXPECT_TRUE(scan.fits);
  EXPECT_FALSE(scan.integral);
}

}  // namespace
}  // namespace sopu::assignment_internal
