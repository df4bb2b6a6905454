//! `relplay`: the command line over relplay-core.
//!
//! Exit codes: 0 when the schema has no errors (warnings allowed), 1 when it has errors, 2 for a
//! usage or I/O problem (a missing file, text that is not UTF-8, an unknown option).

use clap::{Parser, Subcommand, ValueEnum};
use relplay_core::diagnostic::rule_docs::rule_doc;
use relplay_core::diagnostic::{apply_fixes, has_errors, render};
use relplay_core::generate::{generate, generate_files, SqlDialect};
use relplay_core::options::{Choice, PrismaVersion, SequelizeStyle, TypeOrmCascade, VibOrmApi};
use relplay_core::registry::{TargetChoices, TargetId, LANGUAGES};
use relplay_core::share::{self, SharedPlayground};
use relplay_core::{analyze, analyze_for, Analysis, SourceLanguage};
use std::io::{Read, Write};

/// `print!` that ends the program quietly once standard output is closed (`relplay … | head`).
macro_rules! out {
    ($($arg:tt)*) => {
        if let Err(error) = write!(std::io::stdout(), $($arg)*) {
            stdout_failed(error)
        }
    };
}

/// `println!` that ends the program quietly once standard output is closed.
macro_rules! outln {
    ($($arg:tt)*) => {
        if let Err(error) = writeln!(std::io::stdout(), $($arg)*) {
            stdout_failed(error)
        }
    };
}

/// A reader that stopped reading (`head`) wants no more: stop without a word. Any other failure
/// to write the output is said on standard error.
fn stdout_failed(error: std::io::Error) -> ! {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("relplay: cannot write the output: {error}");
    std::process::exit(1);
}
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "relplay", version, about = "Check, convert and draw database relation schemas.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Report the schema's problems.
    Check {
        /// The schema file, a directory of schema files (a Prisma folder, TypeORM entities), or `-`
        /// for standard input.
        file: String,
        /// The source language (prisma, sql, sql:mysql, sql:sqlite, typeorm); told from the file
        /// names and content when not given.
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Apply every available quick fix to the file (standard input: print the fixed text).
        #[arg(long)]
        fix: bool,
        /// The Prisma a Prisma schema is written for, whose rules judge it: 7 or 6.
        #[arg(long, value_name = "V", default_value = "7")]
        prisma: String,
    },
    /// Lay a Prisma schema out as `prisma format` does (to standard output unless --write or --check).
    Format {
        /// The schema file, a Prisma folder, or `-` for standard input.
        file: String,
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        /// Write the laid-out text back to the file (or the folder's files).
        #[arg(long, conflicts_with = "check")]
        write: bool,
        /// Change nothing: exit 1 when the schema is not laid out as Prisma lays it out.
        #[arg(long)]
        check: bool,
    },
    /// Explain a diagnostic code (what it checks, why it matters, an example, the fix).
    Explain {
        /// A code such as R017.
        code: String,
    },
    /// Write the schema for another target.
    Convert {
        file: String,
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// Write files into this directory instead of standard output (TypeORM: one file per entity).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Convert even when the schema has errors: what could be read is written, and the errors are listed.
        #[arg(long)]
        force: bool,
    },
    /// Print how to use each relation in a target: load, create, connect, filter, count, remove.
    Recipes {
        file: String,
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// Write a module that runs every recipe (`recipes.ts`, `recipes.js` or `recipes.sql`) into
        /// this directory, beside what `relplay convert --out DIR` writes, instead of printing them.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// text (headings and code) or json (every recipe with its check and what it must find).
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Write recipes even when the schema has errors (a relation written on one side only is an
        /// error in Prisma, and fine in TypeORM, Sequelize and SQL).
        #[arg(long)]
        force: bool,
    },
    /// Print a link that opens the schema in the playground.
    Share {
        file: String,
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        /// The playground's address (default: $RELPLAY_BASE_URL, else the local `scripts/serve.sh`).
        #[arg(long, value_name = "URL")]
        base: Option<String>,
    },
    /// Draw the entity diagram as SVG.
    Diagram {
        file: String,
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        /// The SVG file to write; standard output when not given.
        #[arg(long, value_name = "F.svg")]
        out: Option<PathBuf>,
    },
}

/// The target and its choices, as `convert` and `recipes` take them.
#[derive(clap::Args)]
struct TargetArgs {
    /// prisma, sql, typeorm, sequelize, viborm or json.
    #[arg(long, value_name = "TARGET")]
    to: String,
    /// postgresql, mysql or sqlite (for `--to sql` and `--to typeorm`; default: the schema's provider).
    #[arg(long, value_name = "D")]
    dialect: Option<String>,
    /// TypeORM `cascade` on each relation's parent side: none, persist (insert and update) or all.
    #[arg(long, value_name = "C", default_value = "none")]
    cascade: String,
    /// TypeORM: load what each foreign key points at eagerly (`eager: true` on the owning side).
    #[arg(long)]
    eager: bool,
    /// Sequelize model style: define (`sequelize.define`) or class (`Model.init`).
    #[arg(long, value_name = "STYLE", default_value = "define")]
    style: String,
    /// VibORM relation API: builder (`s.oneToOne(() => m).fields(…)`) or config-first (`s.relation.fields(…).oneToOne(() => m)`).
    #[arg(long, value_name = "API", default_value = "builder")]
    api: String,
    /// The Prisma the Prisma output is written for: 7 (no connection URL in the schema) or 6
    /// (`url = env("DATABASE_URL")`, the `prisma-client-js` generator). A Prisma source is read by
    /// Prisma 7's rules, which take a Prisma 6 file's `url` with a warning.
    #[arg(long, value_name = "V", default_value = "7")]
    prisma: String,
}

impl TargetArgs {
    /// The target these arguments name for `schema` (whose provider is the default dialect).
    fn target(&self, schema: &relplay_core::ir::Schema) -> Result<relplay_core::generate::Target, UsageError> {
        let dialect = match self.dialect.as_deref() {
            Some(name) => SqlDialect::from_name(name)
                .ok_or_else(|| UsageError(format!("unknown dialect `{name}`: use postgresql, mysql or sqlite")))?,
            None => SqlDialect::for_provider(schema.provider),
        };
        let to = &self.to;
        let target_id = TargetId::from_id(to).ok_or_else(|| UsageError(format!("unknown target `{to}`: use {}", TargetId::ids())))?;
        let choices = TargetChoices {
            dialect,
            cascade: choice::<TypeOrmCascade>(&self.cascade, "TypeORM cascade")?,
            eager: self.eager,
            style: choice::<SequelizeStyle>(&self.style, "Sequelize style")?,
            api: choice::<VibOrmApi>(&self.api, "VibORM API")?,
            prisma: choice::<PrismaVersion>(&self.prisma, "Prisma version")?,
        };
        Ok(target_id.with(&choices))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A failure that ends the command with exit code 2.
struct UsageError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(UsageError(message)) => {
            eprintln!("relplay: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, UsageError> {
    match command {
        Command::Format { file, from, write, check } => {
            let source = read_source(&file, from.as_deref())?;
            let formatted = match relplay_core::format::format(&source.text, source.language) {
                Ok(formatted) => formatted,
                Err(refusal) => {
                    eprintln!("relplay: {}: {}", source.name, refusal.0);
                    return Ok(ExitCode::from(1));
                }
            };
            if check {
                if formatted != source.text {
                    eprintln!("relplay: {} is not laid out as Prisma lays it out (relplay format --write changes it)", source.name);
                    return Ok(ExitCode::from(1));
                }
            } else if write && file != "-" {
                if formatted != source.text {
                    write_fixed(&source, &formatted)?;
                }
            } else {
                out!("{formatted}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, from, format, fix, prisma } => {
            let prisma: PrismaVersion = choice(&prisma, "Prisma version")?;
            let mut source = read_source(&file, from.as_deref())?;
            let language = source.language;
            let mut analysis = analyze_for(&source.text, language, prisma);
            if fix {
                let (fixed, applied) = apply_fixes(&source.text, &analysis.diagnostics);
                if file == "-" {
                    out!("{fixed}");
                } else if applied > 0 {
                    write_fixed(&source, &fixed)?;
                }
                eprintln!("relplay: applied {applied} fix(es)");
                source.text = fixed;
                analysis = analyze_for(&source.text, language, prisma);
                if file == "-" {
                    // The fixed text went to standard output; report what is left on stderr.
                    eprint!("{}", source.render(&analysis.diagnostics));
                    return Ok(exit_code(&analysis));
                }
            }
            match format {
                Format::Text => {
                    out!("{}", source.render(&analysis.diagnostics));
                    let errors = analysis.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).count();
                    let warnings = analysis.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Warning).count();
                    eprintln!("{}: {errors} error(s), {warnings} warning(s)", source.name);
                }
                Format::Json => {
                    let report = serde_json::json!({
                        "file": source.name,
                        "language": language.as_str(),
                        "diagnostics": render::locate(&source.text, &analysis.diagnostics),
                    });
                    outln!("{}", serde_json::to_string_pretty(&report).expect("diagnostics serialise"));
                }
            }
            Ok(exit_code(&analysis))
        }
        Command::Convert { file, from, target, out, force } => {
            let source = read_source(&file, from.as_deref())?;
            let analysis = analyze(&source.text, source.language);
            let target = target.target(&analysis.schema)?;
            if has_errors(&analysis.diagnostics) && !force {
                eprint!("{}", source.render(&analysis.diagnostics));
                eprintln!("relplay: not converting a schema with errors (`relplay check` lists them; `--force` converts anyway)");
                return Ok(ExitCode::from(1));
            }
            let mut diagnostics = analysis.diagnostics.clone();
            match out {
                Some(directory) => {
                    let (files, generator_diagnostics) = generate_files(&analysis.schema, target);
                    diagnostics.extend(generator_diagnostics);
                    eprint!("{}", source.render(&diagnostics));
                    for generated in files {
                        write_file(&directory.join(&generated.path), &generated.text)?;
                    }
                }
                None => {
                    let generated = generate(&analysis.schema, target);
                    diagnostics.extend(generated.diagnostics);
                    eprint!("{}", source.render(&diagnostics));
                    out!("{}", generated.text);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Recipes { file, from, target: target_args, out, format, force } => {
            let source = read_source(&file, from.as_deref())?;
            let analysis = analyze(&source.text, source.language);
            let target = target_args.target(&analysis.schema)?;
            eprint!("{}", source.render(&analysis.diagnostics));
            if has_errors(&analysis.diagnostics) && !force {
                eprintln!("relplay: no recipes for a schema with errors (`relplay check` lists them; `--force` writes them anyway)");
                return Ok(ExitCode::from(1));
            }
            let Some(recipes) = relplay_core::recipes::recipes(&analysis.schema, target) else {
                return Err(UsageError(
                    "the IR's JSON is no way of using a relation: recipes are for prisma, sql, typeorm, sequelize and viborm".to_string(),
                ));
            };
            match (out, format) {
                (Some(directory), _) => {
                    let module =
                        relplay_core::recipes::runnable_module(&analysis.schema, target).expect("a target with recipes has a module");
                    write_file(&directory.join(relplay_core::recipes::module_file_name(target)), &module)?;
                }
                (None, Format::Json) => outln!("{}", serde_json::to_string_pretty(&recipes).expect("recipes serialise")),
                (None, Format::Text) => out!("{}", relplay_core::recipes::as_text(&recipes)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Share { file, from, base } => {
            let source = read_source(&file, from.as_deref())?;
            let base = base.or_else(|| std::env::var("RELPLAY_BASE_URL").ok()).unwrap_or_else(|| "http://127.0.0.1:8080/".to_string());
            let playground = SharedPlayground { language: source.language, source: source.text, ..SharedPlayground::default() };
            outln!("{}", share::link(&base, &playground));
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { code } => {
            let doc = rule_doc(&code.to_ascii_uppercase()).ok_or_else(|| UsageError(format!("no diagnostic has the code `{code}`")))?;
            outln!("{} {}\n", doc.code, doc.title);
            outln!("What it checks\n  {}\n", doc.what_it_checks);
            outln!("Why it matters\n  {}\n", doc.why_it_matters);
            outln!("Example\n{}\n", doc.example.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"));
            outln!("Fix\n  {}", doc.fix);
            Ok(ExitCode::SUCCESS)
        }
        Command::Diagram { file, from, out } => {
            let source = read_source(&file, from.as_deref())?;
            let analysis = analyze(&source.text, source.language);
            eprint!("{}", source.render(&analysis.diagnostics));
            let svg = relplay_core::layout::svg::render(&relplay_core::layout::layout(&analysis.schema));
            match out {
                Some(path) => write_file(&path, &svg)?,
                None => outln!("{svg}"),
            }
            Ok(exit_code(&analysis))
        }
    }
}

/// The option value spelled `id`, or a usage error that lists the ids.
fn choice<C: Choice>(id: &str, what: &str) -> Result<C, UsageError> {
    C::from_id(id).ok_or_else(|| UsageError(format!("unknown {what} `{id}`: use {}", C::ids())))
}

fn exit_code(analysis: &Analysis) -> ExitCode {
    if has_errors(&analysis.diagnostics) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn display_name(file: &str) -> String {
    if file == "-" {
        "<stdin>".to_string()
    } else {
        file.to_string()
    }
}

/// A source as read: one file, standard input, or the files of a directory joined with
/// `// @filename:` lines.
struct Source {
    text: String,
    language: SourceLanguage,
    /// The file or directory given, as shown in messages.
    name: String,
    /// Set when the source is a directory's files.
    directory: Option<PathBuf>,
}

impl Source {
    /// Diagnostics as text, each at its own file and line.
    fn render(&self, diagnostics: &[relplay_core::Diagnostic]) -> String {
        match &self.directory {
            Some(directory) => render::to_text_in_files(&self.text, diagnostics, |path| match path {
                Some(path) => directory.join(path).display().to_string(),
                None => self.name.clone(),
            }),
            None => render::to_text(&self.name, &self.text, diagnostics),
        }
    }
}

/// Reads the file, standard input or directory as UTF-8 and decides its language.
fn read_source(file: &str, from: Option<&str>) -> Result<Source, UsageError> {
    let named = match from {
        Some(name) => Some(SourceLanguage::from_name(name).ok_or_else(|| {
            let ids: Vec<&str> = LANGUAGES.iter().map(|l| l.id).collect();
            UsageError(format!("unknown source language `{name}`: use sql or one of {}", ids.join(", ")))
        })?),
        None => None,
    };
    if file != "-" && Path::new(file).is_dir() {
        return read_directory(Path::new(file), named);
    }
    let text = read_text(file)?;
    let language = match named {
        Some(language) => language,
        None if file == "-" => SourceLanguage::Prisma,
        None => SourceLanguage::detect(file, &text).ok_or_else(|| {
            UsageError(format!(
                "cannot tell the language of {file} from its name and content: pass --from prisma, sql, typeorm, sequelize or viborm"
            ))
        })?,
    };
    // `sql` without a dialect (`--from sql`, a `.sql` file): the text tells, else PostgreSQL.
    let dialect_given = from.is_some_and(|name| name.contains(':') || SqlDialect::from_name(name).is_some());
    let language = match language {
        SourceLanguage::Sql(_) if !dialect_given => {
            SourceLanguage::Sql(relplay_core::syntax::sql::detect_dialect(&text).unwrap_or(SqlDialect::Postgresql))
        }
        other => other,
    };
    Ok(Source { text, language, name: display_name(file), directory: None })
}

fn read_text(file: &str) -> Result<String, UsageError> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| UsageError(format!("cannot read {file}: {}", io_reason(&e))))?
    };
    String::from_utf8(bytes).map_err(|e| {
        UsageError(format!("{} is not UTF-8 text (invalid byte at offset {})", display_name(file), e.utf8_error().valid_up_to()))
    })
}

/// Folders never read as part of a schema.
const SKIPPED_FOLDERS: &[&str] = &["node_modules", ".git", "dist", "build", "coverage", "target"];

/// The schema files under `directory` (Prisma files, or TypeScript and JavaScript for the ORM
/// languages), joined in path order.
fn read_directory(directory: &Path, named: Option<SourceLanguage>) -> Result<Source, UsageError> {
    let mut files = Vec::new();
    let mut folders = vec![directory.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| UsageError(format!("cannot read {}: {}", folder.display(), io_reason(&e))))?;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name.as_str()) {
                    folders.push(path);
                }
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    let code_file = |path: &Path| {
        let name = path.to_string_lossy();
        !name.ends_with(".d.ts")
            && ["ts", "tsx", "mts", "cts", "js", "mjs", "cjs"].iter().any(|ext| path.extension().is_some_and(|e| e == *ext))
    };
    let prisma_file = |path: &Path| path.extension().is_some_and(|e| e == "prisma");
    let language = match named {
        Some(language) => language,
        None if files.iter().any(|p| prisma_file(p)) => SourceLanguage::Prisma,
        None => {
            let detected = files.iter().filter(|p| code_file(p)).find_map(|p| {
                let text = std::fs::read_to_string(p).ok()?;
                SourceLanguage::detect(&p.to_string_lossy(), &text)
            });
            detected.ok_or_else(|| {
                UsageError(format!(
                    "{} holds no Prisma schema, TypeORM entities or Sequelize models relplay can tell: pass --from",
                    directory.display()
                ))
            })?
        }
    };
    let wanted: Vec<&PathBuf> = match language {
        SourceLanguage::Prisma => files.iter().filter(|p| prisma_file(p)).collect(),
        SourceLanguage::Sql(_) => files.iter().filter(|p| p.extension().is_some_and(|e| e == "sql")).collect(),
        SourceLanguage::TypeOrm | SourceLanguage::Sequelize | SourceLanguage::VibOrm => files.iter().filter(|p| code_file(p)).collect(),
    };
    if wanted.is_empty() {
        return Err(UsageError(format!("{} holds no {} files", directory.display(), language.info().label)));
    }
    let mut parts = Vec::new();
    for path in wanted {
        let relative = path.strip_prefix(directory).unwrap_or(path).to_string_lossy().replace('\\', "/");
        parts.push((relative, read_text(&path.to_string_lossy())?));
    }
    let text = relplay_core::syntax::files::join_files(parts.iter().map(|(p, t)| (p.as_str(), t.as_str())));
    Ok(Source { text, language, name: directory.display().to_string(), directory: Some(directory.to_path_buf()) })
}

/// Writes fixed text back: to the file, or to each file of a directory whose text changed.
fn write_fixed(source: &Source, fixed: &str) -> Result<(), UsageError> {
    let Some(directory) = &source.directory else { return write_file(Path::new(&source.name), fixed) };
    let before: std::collections::HashMap<String, String> = relplay_core::syntax::files::split_files(&source.text).into_iter().collect();
    for (path, text) in relplay_core::syntax::files::split_files(fixed) {
        if before.get(&path) != Some(&text) {
            write_file(&directory.join(&path), &text)?;
        }
    }
    Ok(())
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

fn write_file(path: &Path, text: &str) -> Result<(), UsageError> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| UsageError(format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(path, text).map_err(|e| UsageError(format!("cannot write {}: {e}", path.display())))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
