#!/usr/bin/env bash
# Builds target/installer/lankit_<version>_amd64.deb from target/lankit.jar: a Java runtime of its
# own (jlink, the modules in launcher/runtime-modules.txt), the jar, a launcher with the heap
# bounded, a menu entry (Office) with the icon launcher/icon/DrawIcon.java draws, and the command
# "lankit". Installs into /opt/lankit; launcher/linux/package/ holds the menu entry and the
# install and removal scripts. See src/site/markdown/install.md.
# Needs a JDK 17+ (jlink, jpackage), fakeroot and dpkg-deb.
# Usage: launcher/linux/build-deb.sh [path/to/lankit.jar]   (build the jar first: mvn -B -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."

jar=${1:-target/lankit.jar}
out=target/installer
work=target/installer-work

fail() {
  echo "build-deb: $*" >&2
  exit 1
}

[ -f "$jar" ] || fail "no $jar: build it first with: mvn -B -q package -DskipTests"
# jlink and jpackage live beside javac in the JDK, which may not have put them on the PATH
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin}
[ -n "$jdk_bin" ] || { command -v javac >/dev/null 2>&1 && jdk_bin=$(dirname "$(readlink -f "$(command -v javac)")"); }
[ -z "$jdk_bin" ] || PATH="$jdk_bin:$PATH"
for tool in java jar jlink jpackage fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (jlink and jpackage come with a JDK 17+; apt-get install fakeroot dpkg)"
done

rm -rf "$work" "$out"
mkdir -p "$work/input" "$work/manifest" "$out"
cp "$jar" "$work/input/lankit.jar"
(cd "$work/manifest" && jar xf "$OLDPWD/$work/input/lankit.jar" META-INF/MANIFEST.MF)
version=$(sed -n 's/^Implementation-Version: *\([0-9][0-9.]*\).*/\1/p' "$work/manifest/META-INF/MANIFEST.MF")
[ -n "$version" ] || fail "$jar has no Implementation-Version in its manifest"

# the modules, one a line in launcher/runtime-modules.txt (with why each is there)
modules=$(sed 's/#.*//' launcher/runtime-modules.txt | tr -d ' \t' | grep . | paste -sd, -)
echo "build-deb: runtime (jlink) with $modules"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --generate-cds-archive --output "$work/runtime"

java -Djava.awt.headless=true launcher/icon/DrawIcon.java "$work/lankit.png"

# The same bounds as app/JvmOptions.BOUNDS and launcher/lankit.sh; the mark tells the kit it runs
# bounded, so it does not start itself again (app/Relaunch.java).
echo "build-deb: package (jpackage) version $version"
jpackage --type deb --dest "$out" \
  --name Lankit --linux-package-name lankit --app-version "$version" \
  --description "Collect field data with phones, even without internet" \
  --vendor "Lankit" --linux-deb-maintainer "lankit@localhost" \
  --input "$work/input" --main-jar lankit.jar --main-class org.lankit.app.Main \
  --runtime-image "$work/runtime" \
  --java-options "-Xms16m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m" \
  --java-options "-Dlankit.jvm=bounded" \
  --icon "$work/lankit.png" --linux-shortcut --linux-app-category utils \
  --resource-dir launcher/linux/package

deb=$(ls "$out"/lankit_*.deb)
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"
