## The dashboard's actions (bot/dashboard/*_creation.py, settings and upload routes): what the
## API says when a form is refused. The screens' own words are the ui- messages below.

dashboard-poll-quiz-correct = A quiz needs its correct answer: choose one of the options.
