package dev.opsjournal.server.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns failures into {@code application/problem+json}, naming the offending parameter. */
@RestControllerAdvice
class ApiProblems {

  private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

  @ExceptionHandler(BadRequestException.class)
  ProblemDetail badRequest(BadRequestException e) {
    return parameterProblem(e.parameter(), e.getMessage());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return parameterProblem(e.getParameterName(), "the parameter is required");
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return parameterProblem(e.getName(), "'" + e.getValue() + "' is not a valid value");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Request failed", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "the journal could not answer; see the server log");
    problem.setTitle("Internal error");
    return problem;
  }

  private static ProblemDetail parameterProblem(String parameter, String detail) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + detail);
    problem.setTitle("Invalid request parameter");
    problem.setProperty("parameter", parameter);
    return problem;
  }
}
