#include "service/server/token_auth.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace sopu::server {
namespace {

TEST(TokenAuth, AcceptsOnlyKnownBearerTokens) {
  const TokenAuthProcessor auth({"s3cret-one", "two"});
  EXPECT_TRUE(auth.Accepts("Bearer s3cret-one"));
  EXPECT_TRUE(auth.Accepts("Bearer two"));
  EXPECT_FALSE(auth.Accepts("Bearer s3cret-on"));
  EXPECT_FALSE(auth.Accepts("Bearer s3cret-one "));
  EXPECT_FALSE(auth.Accepts("bearer s3cret-one"));
  EXPECT_FALSE(auth.Accepts("s3cret-one"));
  EXPECT_FALSE(auth.Accepts(""));
  EXPECT_FALSE(auth.Accepts("Bearer "));
}

TEST(TokenAuth, ReadsOneTokenPerLine) {
  const std::string path = ::testing::TempDir() + "/sopud_tokens.txt";
  {
    std::ofstream out(path);
    out << "# staff\n  alpha  \n\nbeta\n";
  }
  const auto tokens = ReadTokenFile(path);
  ASSERT_TRUE(tokens.ok());
  EXPECT_EQ(*tokens, (std::vector<std::string>{"alpha", "beta"}));
  {
    std::ofstream out(path);
    out << "# nothing\n\n";
  }
  EXPECT_EQ(ReadTokenFile(path).status().code(),
            absl::StatusCode::kInvalidArgument);
  std::remove(path.c_str());
  EXPECT_EQ(ReadTokenFile(path).status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sopu::server
