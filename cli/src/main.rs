//! `relplay`: the command line over relplay-core.
//!
//! Exit codes: 0 when the schema has no errors (warnings allowed), 1 when it has errors, 2 for a
//! usage or I/O problem (a missing file, text that is not UTF-8, an unknown option).

use clap::{Parser, Subcommand, ValueEnum};
use relplay_core::diagnostic::rule_docs::rule_doc;
use relplay_core::diagnostic::{apply_fixes, has_errors, render};
use relplay_core::generate::{generate, generate_files, SqlDialect};
use relplay_core::options::{Choice, SequelizeStyle, TypeOrmCascade, VibOrmApi};
use relplay_core::registry::{TargetChoices, TargetId, LANGUAGES};
use relplay_core::share::{self, SharedPlayground};
use relplay_core::{analyze, Analysis, SourceLanguage};
use std::io::Read;
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
        /// The schema file, or `-` for standard input.
        file: String,
        /// The source language; taken from the file extension when not given.
        #[arg(long, value_name = "LANG")]
        from: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Apply every available quick fix to the file (standard input: print the fixed text).
        #[arg(long)]
        fix: bool,
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
        /// Write files into this directory instead of standard output (TypeORM: one file per entity).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Convert even when the schema has errors: what could be read is written, and the errors are listed.
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
        Command::Check { file, from, format, fix } => {
            let (mut text, language) = read_source(&file, from.as_deref())?;
            let mut analysis = analyze(&text, language);
            if fix {
                let (fixed, applied) = apply_fixes(&text, &analysis.diagnostics);
                if file == "-" {
                    print!("{fixed}");
                } else if applied > 0 {
                    write_file(Path::new(&file), &fixed)?;
                }
                eprintln!("relplay: applied {applied} fix(es)");
                text = fixed;
                analysis = analyze(&text, language);
                if file == "-" {
                    // The fixed text went to standard output; report what is left on stderr.
                    eprint!("{}", render::to_text(&display_name(&file), &text, &analysis.diagnostics));
                    return Ok(exit_code(&analysis));
                }
            }
            match format {
                Format::Text => {
                    print!("{}", render::to_text(&display_name(&file), &text, &analysis.diagnostics));
                    let errors = analysis.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Error).count();
                    let warnings = analysis.diagnostics.iter().filter(|d| d.severity == relplay_core::Severity::Warning).count();
                    eprintln!("{}: {errors} error(s), {warnings} warning(s)", display_name(&file));
                }
                Format::Json => {
                    let report = serde_json::json!({
                        "file": display_name(&file),
                        "language": language.as_str(),
                        "diagnostics": render::locate(&text, &analysis.diagnostics),
                    });
                    println!("{}", serde_json::to_string_pretty(&report).expect("diagnostics serialise"));
                }
            }
            Ok(exit_code(&analysis))
        }
        Command::Convert { file, from, to, dialect, cascade, eager, style, api, out, force } => {
            let (text, language) = read_source(&file, from.as_deref())?;
            let analysis = analyze(&text, language);
            let dialect = match dialect.as_deref() {
                Some(name) => Some(
                    SqlDialect::from_name(name)
                        .ok_or_else(|| UsageError(format!("unknown dialect `{name}`: use postgresql, mysql or sqlite")))?,
                ),
                None => None,
            };
            let dialect = dialect.unwrap_or_else(|| SqlDialect::for_provider(analysis.schema.provider));
            let target_id = TargetId::from_id(&to).ok_or_else(|| UsageError(format!("unknown target `{to}`: use {}", TargetId::ids())))?;
            let choices = TargetChoices {
                dialect,
                cascade: choice::<TypeOrmCascade>(&cascade, "TypeORM cascade")?,
                eager,
                style: choice::<SequelizeStyle>(&style, "Sequelize style")?,
                api: choice::<VibOrmApi>(&api, "VibORM API")?,
            };
            let target = target_id.with(&choices);
            if has_errors(&analysis.diagnostics) && !force {
                eprint!("{}", render::to_text(&display_name(&file), &text, &analysis.diagnostics));
                eprintln!("relplay: not converting a schema with errors (`relplay check` lists them; `--force` converts anyway)");
                return Ok(ExitCode::from(1));
            }
            let mut diagnostics = analysis.diagnostics.clone();
            match out {
                Some(directory) => {
                    let (files, generator_diagnostics) = generate_files(&analysis.schema, target);
                    diagnostics.extend(generator_diagnostics);
                    eprint!("{}", render::to_text(&display_name(&file), &text, &diagnostics));
                    for generated in files {
                        write_file(&directory.join(&generated.path), &generated.text)?;
                    }
                }
                None => {
                    let generated = generate(&analysis.schema, target);
                    diagnostics.extend(generated.diagnostics);
                    eprint!("{}", render::to_text(&display_name(&file), &text, &diagnostics));
                    print!("{}", generated.text);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Share { file, from, base } => {
            let (text, language) = read_source(&file, from.as_deref())?;
            let base = base.or_else(|| std::env::var("RELPLAY_BASE_URL").ok()).unwrap_or_else(|| "http://127.0.0.1:8080/".to_string());
            let playground = SharedPlayground { language, source: text, ..SharedPlayground::default() };
            println!("{}", share::link(&base, &playground));
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { code } => {
            let doc = rule_doc(&code.to_ascii_uppercase()).ok_or_else(|| UsageError(format!("no diagnostic has the code `{code}`")))?;
            println!("{} {}\n", doc.code, doc.title);
            println!("What it checks\n  {}\n", doc.what_it_checks);
            println!("Why it matters\n  {}\n", doc.why_it_matters);
            println!("Example\n{}\n", doc.example.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"));
            println!("Fix\n  {}", doc.fix);
            Ok(ExitCode::SUCCESS)
        }
        Command::Diagram { file, from, out } => {
            let (text, language) = read_source(&file, from.as_deref())?;
            let analysis = analyze(&text, language);
            eprint!("{}", render::to_text(&display_name(&file), &text, &analysis.diagnostics));
            let svg = relplay_core::layout::svg::render(&relplay_core::layout::layout(&analysis.schema));
            match out {
                Some(path) => write_file(&path, &svg)?,
                None => println!("{svg}"),
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

/// Reads the file (or standard input) as UTF-8 and decides its language.
fn read_source(file: &str, from: Option<&str>) -> Result<(String, SourceLanguage), UsageError> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| UsageError(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| UsageError(format!("cannot read {file}: {}", io_reason(&e))))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        UsageError(format!("{} is not UTF-8 text (invalid byte at offset {})", display_name(file), e.utf8_error().valid_up_to()))
    })?;
    let language = match from {
        Some(name) => SourceLanguage::from_name(name).ok_or_else(|| {
            let ids: Vec<&str> = LANGUAGES.iter().map(|l| l.id).collect();
            UsageError(format!("unknown source language `{name}`: use sql or one of {}", ids.join(", ")))
        })?,
        None if file == "-" => SourceLanguage::Prisma,
        None => SourceLanguage::from_path(file).ok_or_else(|| {
            UsageError(format!("cannot tell the language of {file} from its extension: pass --from prisma or --from sql"))
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
    Ok((text, language))
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
