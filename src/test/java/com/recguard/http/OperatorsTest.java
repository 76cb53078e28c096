package com.recguard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsTest {

    @TempDir
    Path tmp;

    @Test
    void a_token_names_its_operator_and_role_and_anything_else_names_nobody() throws Exception {
        Path file = tmp.resolve("operators.csv");
        Files.writeString(file, """
                # name,role,sha256 of the token
                alice@firm.example, operator, %s

                grafana,VIEWER,%s
                """.formatted(Operators.hashOf("a-secret"), Operators.hashOf("g-secret").toUpperCase()));
        Operators ops = Operators.load(file);

        assertThat(ops.authenticate("Bearer a-secret")).isEqualTo(new Operators.Operator("alice@firm.example", Role.OPERATOR));
        assertThat(ops.authenticate("bearer g-secret")).isEqualTo(new Operators.Operator("grafana", Role.VIEWER));
        assertThat(ops.authenticate("Bearer a-secret-")).isNull();
        assertThat(ops.authenticate("Bearer " + Operators.hashOf("a-secret"))).as("the hash is not the token").isNull();
        assertThat(ops.authenticate("Basic YTpi")).isNull();
        assertThat(ops.authenticate("Bearer ")).isNull();
        assertThat(ops.authenticate(null)).isNull();
        assertThat(Files.readString(file)).doesNotContain("a-secret");
    }

    @Test
    void every_bad_line_is_reported_with_file_and_line() {
        String hash = Operators.hashOf("t");
        assertThatThrownBy(() -> Operators.parse("ops.csv", List.of(
                "alice,operator," + hash,
                "bob,admin," + Operators.hashOf("u"),
                "carol,viewer,plain-token-not-a-hash",
                "dave,viewer," + hash,
                "alice,viewer," + Operators.hashOf("v"),
                "just-a-name")))
                .isInstanceOf(Operators.OperatorsException.class)
                .extracting(e -> ((Operators.OperatorsException) e).problems())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(
                        "ops.csv:2: role \"admin\" is neither operator nor viewer",
                        "ops.csv:3: the third field must be the token's SHA-256 in hex (64 characters), never the token",
                        "ops.csv:4: this token is already given to another operator: each needs their own",
                        "ops.csv:5: operator alice is listed twice",
                        "ops.csv:6: expected name,role,sha256 (3 fields), found 1");
    }

    @Test
    void a_file_naming_nobody_or_missing_is_refused() {
        assertThatThrownBy(() -> Operators.parse("ops.csv", List.of("# nobody yet")))
                .hasMessageContaining("ops.csv: names no operator");
        assertThatThrownBy(() -> Operators.load(tmp.resolve("missing.csv")))
                .hasMessageContaining("missing.csv: cannot read the operators file");
    }
}
