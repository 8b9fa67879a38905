#!/usr/bin/env bash
# Regenerates the openssl-made fixtures of OpensslInteropTests (not run by CI; needs libengine-gost-openssl).
# Everything here comes from openssl with the gost engine, independently of BouncyCastle and of the sandbox:
# a GOST R 34.10-2012 CA, signer certificates (256 and 512 bit) valid 2020-2045, and detached CMS signatures
# (openssl cms -sign -cades, and one without -cades) over the API key in apikey.txt.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cat > "$work/openssl.cnf" <<CNF
openssl_conf = openssl_def
[openssl_def]
engines = engine_section
[engine_section]
gost = gost_section
[gost_section]
engine_id = gost
dynamic_path = $(dpkg -L libengine-gost-openssl | grep 'engines-3/gost.so$')
default_algorithms = ALL
[ca]
default_ca = fixture_ca
[fixture_ca]
dir = $work
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = md_gost12_256
policy = any
copy_extensions = none
[any]
countryName = optional
organizationName = optional
commonName = supplied
OGRN = optional
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_signer]
basicConstraints = critical,CA:false
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = clientAuth,emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
export OPENSSL_CONF="$work/openssl.cnf"
touch "$work/index.txt"; echo 1000 > "$work/serial"
dates=(-startdate 20200101000000Z -enddate 20450101000000Z)

openssl genpkey -algorithm gost2012_256 -pkeyopt paramset:A -out ca.key
openssl req -new -key ca.key -subj "/C=RU/O=GosApi Fixtures/CN=GosApi Fixture CA" -out "$work/ca.csr"
openssl ca -batch -notext -selfsign -keyfile ca.key -in "$work/ca.csr" -out ca.pem -extensions v3_ca "${dates[@]}"

issue() { # name algorithm paramset
  openssl genpkey -algorithm "$2" -pkeyopt "paramset:$3" -out "$1.key"
  openssl req -new -key "$1.key" -subj "/C=RU/O=Fixture Org/CN=Fixture signer $1/1.2.643.100.1=1027700132195" -out "$work/$1.csr"
  openssl ca -batch -notext -cert ca.pem -keyfile ca.key -in "$work/$1.csr" -out "$1.pem" -extensions v3_signer "${dates[@]}"
}
issue signer256 gost2012_256 XA
issue signer512 gost2012_512 A

printf '%s' '0b6f4c1e-5a3d-4c2b-9e7f-1d2c3b4a5e6f' > apikey.txt
openssl cms -sign -binary -cades -md md_gost12_256 -signer signer256.pem -inkey signer256.key -in apikey.txt -outform der -out sig256.p7s
openssl cms -sign -binary -cades -md md_gost12_512 -signer signer512.pem -inkey signer512.key -in apikey.txt -outform der -out sig512.p7s
openssl cms -sign -binary -md md_gost12_256 -signer signer256.pem -inkey signer256.key -in apikey.txt -outform der -out sig256-nocades.p7s
openssl cms -verify -binary -inform der -in sig256.p7s -content apikey.txt -CAfile ca.pem -out /dev/null
openssl cms -verify -binary -inform der -in sig512.p7s -content apikey.txt -CAfile ca.pem -out /dev/null
