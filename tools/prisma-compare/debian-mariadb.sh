#!/bin/sh
# Starts the MariaDB server that Debian 12 ships (10.11; `apt-get install mariadb-server`) on its own port, with a
# private data folder, and an admin user for compare.mjs --admin-url and FACET_TEST_MYSQL_URL. It leaves any other
# server alone. Usage: debian-mariadb.sh [DATA_DIR] [PORT]   (defaults /tmp/facet-mariadb-10.11, 34977)
# Stop it with: kill $(cat DATA_DIR/mariadb.pid)
set -eu
DIR=${1:-/tmp/facet-mariadb-10.11}
PORT=${2:-34977}
USER_NAME=facet_admin
PASSWORD=facet-admin-pw
if [ ! -d "$DIR/data/mysql" ]; then
  mkdir -p "$DIR/data"
  mariadb-install-db --user="$(id -un)" --datadir="$DIR/data" --auth-root-authentication-method=normal \
    --skip-test-db > "$DIR/install.log" 2>&1
fi
mariadbd --no-defaults --user="$(id -un)" --datadir="$DIR/data" --port="$PORT" --bind-address=127.0.0.1 \
  --socket="$DIR/mariadb.sock" --pid-file="$DIR/mariadb.pid" --log-error="$DIR/error.log" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --max-connections=500 &
i=0
until mariadb --no-defaults --socket="$DIR/mariadb.sock" -uroot -e 'SELECT 1' > /dev/null 2>&1; do
  i=$((i + 1)); [ "$i" -gt 120 ] && { echo "MariaDB did not start, see $DIR/error.log" >&2; exit 1; }
  sleep 0.5
done
mariadb --no-defaults --socket="$DIR/mariadb.sock" -uroot -e "
  CREATE USER IF NOT EXISTS '$USER_NAME'@'%' IDENTIFIED BY '$PASSWORD';
  CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
  GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'%' WITH GRANT OPTION;
  GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost' WITH GRANT OPTION;"
echo "mysql=mysql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/mysql"
echo "version=$(mariadb --no-defaults --socket="$DIR/mariadb.sock" -uroot -N -e 'SELECT VERSION()')"
