@echo off
rem Windows: double-click to start Lankit with Java 17 or newer.
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
set "JAR=%HERE%lankit.jar"
if not exist "%JAR%" set "JAR=%HERE%..\target\lankit.jar"
if not exist "%JAR%" (
  call :fail "Lankit cannot find lankit.jar. Keep this launcher in the same folder as lankit.jar."
  exit /b 1
)

set "JAVA="
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
if not defined JAVA for %%J in (java.exe) do if not "%%~$PATH:J"=="" set "JAVA=%%~$PATH:J"
if not defined JAVA (
  call :fail "Lankit needs Java 17 or newer, and none was found. Install Java 17 (for example Temurin from adoptium.net), then double-click Lankit again."
  exit /b 1
)

set "VERSION="
for /f "tokens=3" %%V in ('"%JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "VERSION=%%~V"
for /f "tokens=1,2 delims=." %%A in ("%VERSION%") do (
  set "MAJOR=%%A"
  if "%%A"=="1" set "MAJOR=%%B"
)
if not defined MAJOR set "MAJOR=0"
if !MAJOR! LSS 17 (
  call :fail "Lankit needs Java 17 or newer, and this computer has Java %VERSION%. Install Java 17 (for example Temurin from adoptium.net), then double-click Lankit again."
  exit /b 1
)

rem The same JVM options as the jar's JvmOptions (a plain "java -jar lankit.jar" starts itself again
rem with them): heap and stacks bounded, else the heap may grow to a quarter of the computer's memory;
rem and, when this Java maps its own class-data archive ("sharing"; without it a JVM asked for ours
rem refuses to start), one of ours for faster starts, asked for on the first run and used after it.
set "OPTS=-Xms16m -Xmx192m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -Dlankit.jvm=bounded"
set "CDS="
rem the VM line, e.g. "OpenJDK 64-Bit Server VM (build 17.0.15+6, mixed mode, sharing)": its build
rem names the archive (an archive another build wrote would stop this one from starting)
for /f "tokens=2* delims=(," %%B in ('"%JAVA%" -version 2^>^&1 ^| findstr /c:" VM "') do (
  set "VMBUILD=%%B"
  echo %%C | findstr /c:"sharing" >nul && set "SHARING=1"
)
set "VMBUILD=!VMBUILD:build =!"
set "RUNTIME=%APPDATA%\Lankit\runtime"
for %%F in ("%JAR%") do set "SIZE=%%~zF"
set "ARCHIVE=!RUNTIME!\lankit-!SIZE!-!VMBUILD!.jsa"
if defined SHARING (
  if exist "!ARCHIVE!" (
    set "CDS="-XX:SharedArchiveFile=!ARCHIVE!""
  ) else (
    if not exist "!RUNTIME!" mkdir "!RUNTIME!" 2>nul
    set "CDS=-XX:+RecordDynamicDumpInfo"
  )
  set "CDS=-Xlog:cds=off,cds+dynamic=off "-Dlankit.cds=!ARCHIVE!" !CDS!"
)

rem javaw has no console window; with arguments (e.g. --headless) use java so output is visible
if "%~1"=="" (
  set "JAVAW=%JAVA:java.exe=javaw.exe%"
  cd /d "%USERPROFILE%"
  start "Lankit" "!JAVAW!" !OPTS! !CDS! -jar "%JAR%"
) else (
  "%JAVA%" !OPTS! !CDS! -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%

:fail
echo %~1
if not defined LANKIT_NO_DIALOG mshta "javascript:alert('%~1');close();" >nul 2>&1
exit /b 1
