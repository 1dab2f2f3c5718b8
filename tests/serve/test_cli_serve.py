"""``communique serve`` refuses what it cannot serve, with a message and a non-zero exit."""
import duckdb
from click.testing import CliRunner

from communique.cli import main


def test_a_missing_database_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INTEGER)").close()
    result = CliRunner().invoke(main, ["serve", "--db", str(other), "--port", "1"])
    assert result.exit_code == 1
    assert "not a communique store" in result.output and "E090" in result.output


def test_host_names_accepted_follow_the_bind_address():
    from communique.serve import hosts_for

    assert hosts_for("127.0.0.1") == ["127.0.0.1", "::1", "localhost"]
    assert hosts_for("0.0.0.0") is None
    assert hosts_for("192.0.2.5") == ["192.0.2.5"]
