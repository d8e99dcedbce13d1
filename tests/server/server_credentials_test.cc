#include "service/server/server_credentials.h"

#include "gtest/gtest.h"

namespace sopu::server {
namespace {

TEST(ServerCredentials, LoopbackAddresses) {
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1:50051"));
  EXPECT_TRUE(IsLoopbackAddress("127.1.2.3:0"));
  EXPECT_TRUE(IsLoopbackAddress("localhost:1"));
  EXPECT_TRUE(IsLoopbackAddress("[::1]:50051"));
  EXPECT_FALSE(IsLoopbackAddress("0.0.0.0:50051"));
  EXPECT_FALSE(IsLoopbackAddress("[::]:50051"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.1:50051"));
  EXPECT_FALSE(IsLoopbackAddress("example.org:443"));
}

TEST(ServerCredentials, RefusesPlaintextOffLoopback) {
  ServerOptions options;
  options.listen = "0.0.0.0:0";
  EXPECT_EQ(MakeServerCredentials(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.insecure_non_loopback_for_tests = true;
  EXPECT_TRUE(MakeServerCredentials(options).ok());
  options.token_file = "/nonexistent";
  EXPECT_EQ(MakeServerCredentials(options).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(ServerCredentials, TlsFlagsGoTogether) {
  ServerOptions options;
  options.tls_cert = "/nonexistent.pem";
  EXPECT_EQ(MakeServerCredentials(options).status().code(),
            absl::StatusCode::kInvalidArgument);
  options.tls_key = "/nonexistent.key";
  EXPECT_EQ(MakeServerCredentials(options).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sopu::server
