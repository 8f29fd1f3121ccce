#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the report test when /usr/bin/chromium is absent.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "installing: chromium"
apt-get -o DPkg::Lock::Timeout=600 update -q
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends chromium
/usr/bin/chromium --version
